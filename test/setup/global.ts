import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** Makes sure the project-local Python environment (.venv) exists before any test needs numpy or Jupyter. */
export default function setup(): void {
  execFileSync("bash", [join(__dirname, "python-env.sh")], { stdio: "inherit" });
}
