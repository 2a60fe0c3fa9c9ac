// Tests create their own temporary folders, registries and stand-ins, and share no state.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
