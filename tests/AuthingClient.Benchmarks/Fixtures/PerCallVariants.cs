using AuthingClient.Benchmarks.Revokers;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.Benchmarks.Fixtures;

/// <summary>
/// Every per-call variant, each over its own in-memory <see cref="OkHandler"/>, built once and
/// shared by the per-call suites and the paired CPU-time comparison. Each variant revokes one token
/// and returns whether it was revoked.
/// </summary>
public sealed class PerCallVariants : IDisposable
{
    private static readonly Uri AppHost = new("http://127.0.0.1");

    private readonly List<IDisposable> _owned = [];

    public PerCallVariants()
    {
        var revocationUri = new Uri(AppHost, RevocationFixture.RevocationPath);

        // (a) and its variations. Every variant is called through a lambda of the same shape.
        var handWritten = new HandWrittenRevoker(Own(new HttpClient(new OkHandler())), revocationUri);
        var handWrittenNoTimeout = new HandWrittenRevoker(Own(new HttpClient(new OkHandler()) { Timeout = Timeout.InfiniteTimeSpan }), revocationUri);
        var factoryServices = new ServiceCollection();
        factoryServices.AddHttpClient("revocation").ConfigurePrimaryHttpMessageHandler(static () => new OkHandler());
        var factory = Own(factoryServices.BuildServiceProvider()).GetRequiredService<IHttpClientFactory>();
        var handWrittenFactoryClient = new HandWrittenRevoker(Own(factory.CreateClient("revocation")), revocationUri);
        HandWritten = token => handWritten.RevokeAsync(token);
        HandWrittenNoHttpClientTimeout = token => handWrittenNoTimeout.RevokeAsync(token);
        HandWrittenFactoryHttpClient = token => handWrittenFactoryClient.RevokeAsync(token);

        // (b)
        var duende = new DuendeRevoker(Own(new HttpClient(new OkHandler())), revocationUri);
        Duende = token => duende.RevokeAsync(token);

        // (c) and (c) inside a Polly pipeline shaped like the library's defaults.
        var refit = new RefitContractRevoker(Own(RefitContractRevoker.CreateLibraryLikeClient(new OkHandler(), AppHost)));
        var refitInPipeline = new PipelinedRefitRevoker(Own(RefitContractRevoker.CreateLibraryLikeClient(new OkHandler(), AppHost)));
        RefitContract = token => refit.RevokeAsync(token);

        // A token that can be cancelled but never is: what HttpClient adds for any per-attempt
        // time-out (it links such a token with its own pending-requests source on every send).
        var cancellable = Own(new CancellationTokenSource());
        RefitContractCancellable = token => refit.RevokeAsync(token, cancellable.Token);
        RefitInPipeline = token => refitInPipeline.RevokeAsync(token);

        // (d) and its variations.
        AuthenticationClient = Library(LibraryClient.CreateProvider(AppHost, static () => new OkHandler()));
        AuthenticationClientOneAttempt = Library(LibraryClient.CreateProvider(AppHost, static () => new OkHandler(), static options => options.Retry.MaxAttempts = 1));
        var withoutRefitOptions = new AuthenticationClientOptions { AppId = RevocationFixture.AppId, AppSecret = RevocationFixture.AppSecret, AppHost = AppHost.GetLeftPart(UriPartial.Authority) };
        var withoutRefit = Own(new AuthenticationClient(
            AuthingClient.Transport.RevocationServices.FromValidated(
                new DirectContractApi(Own(new HttpClient(new OkHandler()) { Timeout = Timeout.InfiniteTimeSpan }), AppHost),
                withoutRefitOptions,
                clientName: null,
                loggerFactory: null,
                timeProvider: null),
            AuthingClient.Propagation.LocalRevocationTargets.None));
        AuthenticationClientWithoutRefit = token => withoutRefit.RevokeTokenAsync(token);
        AuthenticationClientNoOpRegistry = Library(LibraryClient.CreateProvider(
            AppHost,
            static () => new OkHandler(),
            configureServices: static services => services.AddSingleton<AuthingClient.Revocation.RevokedTokenRegistry>(new NoOpRevokedTokenRegistry())));
        var overCaller = Own(new AuthenticationClient(
            new AuthenticationClientOptions { AppId = RevocationFixture.AppId, AppSecret = RevocationFixture.AppSecret, AppHost = AppHost.GetLeftPart(UriPartial.Authority) },
            Own(new HttpClient(new OkHandler()))));
        AuthenticationClientOverCallerHttpClient = token => overCaller.RevokeTokenAsync(token);
    }

    /// <summary>(a) hand-written POST over <c>new HttpClient(handler)</c> (its default 100 s time-out).</summary>
    public Func<string, Task<bool>> HandWritten { get; }

    /// <summary>(a) with <c>HttpClient.Timeout</c> infinite, as the library sets it.</summary>
    public Func<string, Task<bool>> HandWrittenNoHttpClientTimeout { get; }

    /// <summary>(a) over a client from <c>IHttpClientFactory</c>, with its default logging handlers.</summary>
    public Func<string, Task<bool>> HandWrittenFactoryHttpClient { get; }

    /// <summary>(b) Duende.IdentityModel.</summary>
    public Func<string, Task<bool>> Duende { get; }

    /// <summary>(c) the generated Refit call alone.</summary>
    public Func<string, Task<bool>> RefitContract { get; }

    /// <summary>(c) with a cancellable token that is never cancelled.</summary>
    public Func<string, Task<bool>> RefitContractCancellable { get; }

    /// <summary>(c) inside a Polly pipeline shaped like the library's defaults (two time-outs around a retry).</summary>
    public Func<string, Task<bool>> RefitInPipeline { get; }

    /// <summary>(d) the public client from dependency injection, default options.</summary>
    public Func<string, Task<bool>> AuthenticationClient { get; }

    /// <summary>(d) with <c>Retry.MaxAttempts = 1</c>: no retry check after the attempt.</summary>
    public Func<string, Task<bool>> AuthenticationClientOneAttempt { get; }

    /// <summary>(e) an experiment: the client over the same generated contract implemented without Refit (<see cref="DirectContractApi"/>).</summary>
    public Func<string, Task<bool>> AuthenticationClientWithoutRefit { get; }

    /// <summary>(d) with a revoked-token registry registered (one that does nothing): the cost of the local-propagation step.</summary>
    public Func<string, Task<bool>> AuthenticationClientNoOpRegistry { get; }

    /// <summary>(d) built with <c>new AuthenticationClient(options, httpClient)</c>, no dependency injection.</summary>
    public Func<string, Task<bool>> AuthenticationClientOverCallerHttpClient { get; }

    /// <summary>The variants by the names the suites and the paired comparison print.</summary>
    public IReadOnlyList<(string Name, Func<string, Task<bool>> Revoke)> All =>
    [
        ("a  hand-written", HandWritten),
        ("a1 hand-written, no HttpClient time-out", HandWrittenNoHttpClientTimeout),
        ("a2 hand-written, IHttpClientFactory client", HandWrittenFactoryHttpClient),
        ("b  Duende.IdentityModel", Duende),
        ("c  Refit contract", RefitContract),
        ("c2 Refit contract, cancellable token", RefitContractCancellable),
        ("c1 Refit contract in the 0.1 pipeline (two Polly time-outs)", RefitInPipeline),
        ("d  AuthenticationClient (DI)", AuthenticationClient),
        ("d1 AuthenticationClient, one attempt", AuthenticationClientOneAttempt),
        ("e  AuthenticationClient over the contract without Refit (experiment)", AuthenticationClientWithoutRefit),
        ("d3 AuthenticationClient over a caller HttpClient (no DI)", AuthenticationClientOverCallerHttpClient),
        ("d4 AuthenticationClient (DI) with a (no-op) revoked-token registry", AuthenticationClientNoOpRegistry),
    ];

    /// <summary>Makes each variant revoke once; throws when one does not succeed.</summary>
    public void CheckAll(string token)
    {
        foreach (var (name, revoke) in All)
        {
            if (!revoke(token).GetAwaiter().GetResult())
            {
                throw new InvalidOperationException($"Variant '{name}' did not succeed against the in-memory 200 handler.");
            }
        }
    }

    /// <summary>Makes every variant revoke <paramref name="calls"/> times (warm-up).</summary>
    public void RunEach(string token, int calls)
    {
        foreach (var (_, revoke) in All)
        {
            for (var i = 0; i < calls; i++)
            {
                revoke(token).GetAwaiter().GetResult();
            }
        }
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    private Func<string, Task<bool>> Library(ServiceProvider provider)
    {
        var client = Own(provider).GetRequiredService<AuthenticationClient>();
        return token => client.RevokeTokenAsync(token);
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
