// Every test class shares one runspace per collection and the host tests start processes: run one test at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
