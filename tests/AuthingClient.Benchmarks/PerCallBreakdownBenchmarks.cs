using AuthingClient.Benchmarks.Fixtures;
using BenchmarkDotNet.Attributes;

namespace AuthingClient.Benchmarks;

/// <summary>
/// Suite 1b, the investigation behind suite 1: where (d)'s time and allocations go. Same in-memory
/// 200 handler and opaque token; each variant adds or removes one layer (see
/// <see cref="PerCallVariants"/>):
/// <list type="bullet">
/// <item>A1/A2: (a) without HttpClient's own time-out; (a) over an IHttpClientFactory client (its logging handlers).</item>
/// <item>C2: (c) with a cancellable token that is never cancelled: what HttpClient adds for any per-attempt time-out.</item>
/// <item>C1: (c) inside a Polly pipeline of two time-outs around a retry, shaped like the library's defaults (the library uses no Polly).</item>
/// <item>D1, D3, D4: (d) with one attempt; built with <c>new AuthenticationClient(options, httpClient)</c>
/// instead of DI; with a (no-op) revoked-token registry registered, so the local-propagation step runs.</item>
/// <item>E: an experiment — the client over the same generated contract implemented without Refit.</item>
/// </list>
/// </summary>
[Config(typeof(PerCallConfig))]
public class PerCallBreakdownBenchmarks : IDisposable
{
    private static readonly string Token = RevocationFixture.OpaqueToken;
    private PerCallVariants _variants = null!;

    [GlobalSetup]
    public void Setup()
    {
        _variants = new PerCallVariants();
        _variants.CheckAll(Token);
        JitWarmup.UntilQuiet(() => _variants.RunEach(Token, calls: 2_000));
    }

    [Benchmark(Baseline = true)]
    public Task<bool> A_HandWritten() => _variants.HandWritten(Token);

    [Benchmark]
    public Task<bool> A1_NoHttpClientTimeout() => _variants.HandWrittenNoHttpClientTimeout(Token);

    [Benchmark]
    public Task<bool> A2_FactoryHttpClient() => _variants.HandWrittenFactoryHttpClient(Token);

    [Benchmark]
    public Task<bool> C_RefitContract() => _variants.RefitContract(Token);

    [Benchmark]
    public Task<bool> C2_RefitCancellableToken() => _variants.RefitContractCancellable(Token);

    [Benchmark]
    public Task<bool> C1_RefitInPipeline() => _variants.RefitInPipeline(Token);

    [Benchmark]
    public Task<bool> D_AuthenticationClient() => _variants.AuthenticationClient(Token);

    [Benchmark]
    public Task<bool> D1_OneAttempt() => _variants.AuthenticationClientOneAttempt(Token);

    [Benchmark]
    public Task<bool> E_WithoutRefit() => _variants.AuthenticationClientWithoutRefit(Token);

    [Benchmark]
    public Task<bool> D3_OverCallerHttpClient() => _variants.AuthenticationClientOverCallerHttpClient(Token);

    [Benchmark]
    public Task<bool> D4_NoOpRegistry() => _variants.AuthenticationClientNoOpRegistry(Token);

    [GlobalCleanup]
    public void Dispose()
    {
        _variants?.Dispose();
        GC.SuppressFinalize(this);
    }
}
