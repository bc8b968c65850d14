{
  "targets": [
    {
      "target_name": "tsdl_native",
      "sources": ["native/binding.c", "native/elementwise.c", "native/gemm.c", "native/parallel.c", "native/sort.c"],
      "cflags": ["-O3", "-std=gnu11", "-fno-math-errno", "-pthread"],
      "ldflags": ["-pthread"],
      "libraries": ["-lmvec", "-lm"],
      "conditions": [["target_arch != 'x64' or OS != 'linux'", { "type": "none" }]]
    }
  ]
}
