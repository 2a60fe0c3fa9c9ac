// Each test class starts its own gateway and services on free ports; they run side by side.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]
