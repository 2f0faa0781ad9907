using AuthingClient.Benchmarks.Fixtures;
using BenchmarkDotNet.Attributes;

namespace AuthingClient.Benchmarks;

/// <summary>
/// Suite 1: the client-side cost of one revocation, with an in-memory transport answering 200
/// (<see cref="OkHandler"/>, no socket). Baseline (a); the targets are (d) ≤ 1.25× (a) in time and
/// allocated bytes, and (d) below (b) in both.
/// </summary>
[Config(typeof(PerCallConfig))]
public class PerCallOverheadBenchmarks : IDisposable
{
    private PerCallVariants _variants = null!;
    private string _token = string.Empty;

    [Params(TokenShape.Opaque, TokenShape.Jwt)]
    public TokenShape Token { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _token = RevocationFixture.Token(Token);
        _variants = new PerCallVariants();
        _variants.CheckAll(_token);
        JitWarmup.UntilQuiet(() => _variants.RunEach(_token, calls: 2_000));
    }

    [Benchmark(Baseline = true)]
    public Task<bool> A_HandWritten() => _variants.HandWritten(_token);

    [Benchmark]
    public Task<bool> B_Duende() => _variants.Duende(_token);

    [Benchmark]
    public Task<bool> C_RefitContract() => _variants.RefitContract(_token);

    [Benchmark]
    public Task<bool> D_AuthenticationClient() => _variants.AuthenticationClient(_token);

    [GlobalCleanup]
    public void Dispose()
    {
        _variants?.Dispose();
        GC.SuppressFinalize(this);
    }
}
