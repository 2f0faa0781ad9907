// Traces and metrics are process-wide: a test's provider would also see another test's revocations.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
