"""Drives the installed `tsdl` kernelspec with jupyter_client, as Jupyter itself does, and prints what it saw
as JSON for test/kernel-jupyter.test.ts to check. Run from a folder without node_modules (the test does that).
"""
import json
import sys
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel


def run(kc, code, timeout=60, **options):
    """Executes code; returns the reply content and the IOPub messages (type, content) of the request."""
    outputs = []
    reply = kc.execute_interactive(
        code, timeout=timeout, output_hook=lambda m: outputs.append([m["msg_type"], m["content"]]), **options
    )
    return {"reply": reply["content"], "outputs": [o for o in outputs if o[0] != "status"]}


def main():
    report = {}
    spec = KernelSpecManager().get_kernel_spec("tsdl")
    report["spec"] = {"display_name": spec.display_name, "language": spec.language, "argv": spec.argv,
                      "interrupt_mode": spec.interrupt_mode, "resource_dir": spec.resource_dir}

    started = time.time()
    km, kc = start_new_kernel(kernel_name="tsdl", startup_timeout=60)
    report["first"] = run(kc, "1 + 1")
    report["start_to_first_result_s"] = time.time() - started
    try:
        report["kernel_info"] = kc.kernel_info(reply=True)["content"]
        report["malloc_env"] = run(kc, "console.log(JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('MALLOC_')))))")
        report["define"] = run(kc, "const kept: number = 7;\nconsole.log('hello from', typeof np, typeof display)")
        report["type_error"] = run(kc, "const bad: string = kept;")
        report["runtime_error"] = run(kc, "(undefined as any).boom")
        report["complete"] = kc.complete("Math.fl", 7, reply=True)["content"]
        report["inspect"] = kc.inspect("Math.floor", 10, reply=True)["content"]
        report["history"] = kc.history(hist_access_type="tail", n=3, reply=True)["content"]

        # Interrupt the way Jupyter does for the kernelspec's interrupt_mode ("message": an interrupt_request).
        kc.execute("while (true) {}")
        time.sleep(0.5)
        interrupted_at = time.time()
        km.interrupt_kernel()
        while True:
            msg = kc.get_shell_msg(timeout=10)
            if msg["msg_type"] == "execute_reply":
                break
        report["interrupt"] = {"reply": msg["content"], "seconds": time.time() - interrupted_at}
        report["after_interrupt"] = run(kc, "kept")

        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=60)
        report["after_restart"] = run(kc, "typeof kept")
        report["globals_after_restart"] = run(kc, "typeof display")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    report["alive_after_shutdown"] = km.is_alive()
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
