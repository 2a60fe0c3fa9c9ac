// Tests share one PostgreSQL server but each uses its own database, so they may run in parallel.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.ClassLevel)]
