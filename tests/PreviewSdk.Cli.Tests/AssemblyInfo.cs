// Tests create their own temporary folders and share no state, so they can run side by side.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
