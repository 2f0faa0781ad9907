namespace AuthingClient.Redis.Tests.Support;

/// <summary>Tests that watch this whole process (its thread pool) while Redis fails over: they run alone, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTests
{
    public const string Name = "Alone in the process";
}
