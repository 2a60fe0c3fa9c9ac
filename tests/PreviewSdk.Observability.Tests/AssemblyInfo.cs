// Tests use their own loopback servers, ports and temporary folders, so they can run side by side.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
