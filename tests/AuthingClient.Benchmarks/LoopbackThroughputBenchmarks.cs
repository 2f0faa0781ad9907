using System.Net;
using AuthingClient.Benchmarks.Fixtures;
using AuthingClient.Benchmarks.Revokers;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.Benchmarks;

/// <summary>
/// Suite 2: revocations per second over real sockets, against <see cref="LoopbackRevocationServer"/>
/// in the same process on 127.0.0.1. One invocation revokes <see cref="Operations"/> tokens with
/// <see cref="Concurrency"/> concurrent callers, so the reported time is per revocation (ops/s =
/// 10⁹ / Mean in ns). Target: (d) ≥ 0.95× the throughput of (c), the Refit contract alone, at
/// every concurrency (docs/performance.md; the paired mode is the one to judge it by).
/// </summary>
[Config(typeof(LoopbackConfig))]
public class LoopbackThroughputBenchmarks : IAsyncDisposable
{
    /// <summary>Revocations per invocation.</summary>
    public const int Operations = 2_000;

    private LoopbackRevocationServer _server = null!;
    private HttpClient _handWrittenHttp = null!;
    private HandWrittenRevoker _handWritten = null!;
    private HttpClient _refitHttp = null!;
    private RefitContractRevoker _refit = null!;
    private ServiceProvider _provider = null!;
    private AuthenticationClient _client = null!;
    private int _started;

    [Params(1, 8, 64)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackRevocationServer.StartAsync().ConfigureAwait(false);

        // The same primary handler settings as the library's (no redirects, 5-minute connection lifetime).
        _handWrittenHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _handWritten = new HandWrittenRevoker(_handWrittenHttp, _server.RevocationUri);

        // (c) over the same handler settings, configured as the library configures its client.
        _refitHttp = RefitContractRevoker.CreateLibraryLikeClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, _server.BaseAddress);
        _refit = new RefitContractRevoker(_refitHttp);

        // The library's own primary handler: nothing replaced.
        _provider = LibraryClient.CreateProvider(_server.BaseAddress);
        _client = _provider.GetRequiredService<AuthenticationClient>();

        if (!await _handWritten.RevokeAsync(RevocationFixture.OpaqueToken).ConfigureAwait(false)
            || !await _client.RevokeTokenAsync(RevocationFixture.OpaqueToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The loopback server did not answer 200.");
        }

        JitWarmup.UntilQuiet(() =>
        {
            A_HandWritten().GetAwaiter().GetResult();
            C_RefitContract().GetAwaiter().GetResult();
            D_AuthenticationClient().GetAwaiter().GetResult();
        });
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public Task A_HandWritten() => RunBatchAsync(static self => self._handWritten.RevokeAsync(RevocationFixture.OpaqueToken));

    [Benchmark(OperationsPerInvoke = Operations)]
    public Task C_RefitContract() => RunBatchAsync(static self => self._refit.RevokeAsync(RevocationFixture.OpaqueToken));

    [Benchmark(OperationsPerInvoke = Operations)]
    public Task D_AuthenticationClient() => RunBatchAsync(static self => self._client.RevokeTokenAsync(RevocationFixture.OpaqueToken));

    [GlobalCleanup]
    public async Task CleanupAsync() => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        _handWrittenHttp?.Dispose();
        _refitHttp?.Dispose();
        if (_provider is not null)
        {
            await _provider.DisposeAsync().ConfigureAwait(false);
        }

        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    private Task RunBatchAsync(Func<LoopbackThroughputBenchmarks, Task<bool>> revoke)
    {
        _started = 0;
        var callers = new Task[Concurrency];
        for (var i = 0; i < callers.Length; i++)
        {
            callers[i] = Task.Run(() => CallerAsync(revoke));
        }

        return Task.WhenAll(callers);
    }

    // Each caller takes the next operation until the batch is used up, so callers that finish
    // early take more: the batch always makes exactly Operations revocations.
    private async Task CallerAsync(Func<LoopbackThroughputBenchmarks, Task<bool>> revoke)
    {
        while (Interlocked.Increment(ref _started) <= Operations)
        {
            if (!await revoke(this).ConfigureAwait(false))
            {
                throw new HttpRequestException("A revocation was not confirmed.", inner: null, HttpStatusCode.NotFound);
            }
        }
    }
}
