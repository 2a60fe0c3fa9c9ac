// Each test starts real environments (app host, DCP, PostgreSQL, Redis, services) on a machine of two cores and then
// checks which processes and ports are left; side by side they would slow each other past their timeouts and could
// not tell whose process is whose.
[assembly: DoNotParallelize]
