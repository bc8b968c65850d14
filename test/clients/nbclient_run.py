"""Executes a notebook with nbclient on the `tsdl` kernel, as `jupyter nbconvert --execute` does, and prints
the executed cells' outputs (and the CellExecutionError, if one stopped the run) as JSON.
Usage: nbclient_run.py CELLS_JSON  (a JSON list of code-cell sources)
"""
import json
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main():
    sources = json.loads(sys.argv[1])
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nb.metadata["kernelspec"] = {"name": "tsdl", "display_name": "TypeScript (tsdl)", "language": "typescript"}
    client = NotebookClient(nb, timeout=60, kernel_name="tsdl")
    error = None
    try:
        client.execute()
    except CellExecutionError as e:
        error = {"ename": e.ename, "evalue": e.evalue}
    nbformat.validate(nb)
    cells = [{"execution_count": c.execution_count, "outputs": c.outputs} for c in nb.cells]
    json.dump({"cells": cells, "error": error, "language_info": nb.metadata.get("language_info")}, sys.stdout)


if __name__ == "__main__":
    main()
