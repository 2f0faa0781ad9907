using AuthingClient.Revocation;
using AuthingClient.Testing;
using AuthingClient.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthingClient.Tests.DependencyInjection;

/// <summary>
/// Several Authing applications in one process: keyed clients, each at its own stand-in (a real
/// HTTP server on 127.0.0.1) that accepts only its own credentials.
/// </summary>
public sealed class KeyedClientTests : IDisposable
{
    private readonly AuthingStandIn _tenantA = AuthingStandIn.Start(new AuthingStandInOptions { AppId = "tenant-a-app", AppSecret = "tenant-a-secret" });
    private readonly AuthingStandIn _tenantB = AuthingStandIn.Start(new AuthingStandInOptions
    {
        AppId = "tenant-b-app",
        AppSecret = "tenant-b-secret",
        RevocationEndPointAuthMethod = ClientAuthenticationMethod.ClientSecretBasic,
    });

    public void Dispose()
    {
        _tenantA.Dispose();
        _tenantB.Dispose();
    }

    [Fact]
    public async Task KeyedClients_FromConfiguration_EachRevocationReachesItsOwnStandInWithItsOwnCredentials()
    {
        var configuration = Configuration(("Authing:TenantA", _tenantA), ("Authing:TenantB", _tenantB));
        using var provider = Build(services =>
        {
            services.AddAuthingAuthenticationClient("tenant-a", configuration.GetSection("Authing:TenantA"));
            services.AddAuthingAuthenticationClient("tenant-b", configuration.GetSection("Authing:TenantB"));
        });

        await AssertEachRevocationReachesItsOwnStandInAsync(
            provider.GetRequiredKeyedService<AuthenticationClient>("tenant-a"),
            provider.GetRequiredKeyedService<AuthenticationClient>("tenant-b"));
    }

    [Fact]
    public async Task KeyedClients_SetInCode_EachRevocationReachesItsOwnStandIn()
    {
        using var provider = Build(services =>
        {
            services.AddAuthingAuthenticationClient("tenant-a", o => CopyInto(_tenantA.CreateClientOptions(), o));
            services.AddAuthingAuthenticationClient("tenant-b", o => CopyInto(_tenantB.CreateClientOptions(), o));
        });

        await provider.GetRequiredKeyedService<AuthenticationClient>("tenant-b").RevokeTokenAsync("token-of-b");

        Assert.True(_tenantB.IsRevoked("token-of-b"));
        Assert.Equal(0, _tenantA.RequestCount);
    }

    [Fact]
    public async Task KeyedClient_ResolvedWithFromKeyedServices_IsThatClient()
    {
        using var provider = Build(services =>
        {
            services.AddAuthingAuthenticationClient("tenant-a", o => CopyInto(_tenantA.CreateClientOptions(), o));
            services.AddAuthingAuthenticationClient("tenant-b", o => CopyInto(_tenantB.CreateClientOptions(), o));
            services.AddSingleton<TenantBLogout>();
        });

        await provider.GetRequiredService<TenantBLogout>().Authing.RevokeTokenAsync("token-of-b");

        Assert.Equal((0, 1), (_tenantA.RequestCount, _tenantB.RequestCount));
    }

    [Fact]
    public async Task KeyedClients_BothMarkTheOneRegistry()
    {
        using var provider = Build(services =>
        {
            services.AddAuthingRevokedTokenRegistry();
            services.AddAuthingAuthenticationClient("tenant-a", o => CopyInto(_tenantA.CreateClientOptions(), o));
            services.AddAuthingAuthenticationClient("tenant-b", o => CopyInto(_tenantB.CreateClientOptions(), o));
        });

        await provider.GetRequiredKeyedService<AuthenticationClient>("tenant-a").RevokeTokenAsync("token-of-a");
        await provider.GetRequiredKeyedService<AuthenticationClient>("tenant-b").RevokeTokenAsync("token-of-b");

        var registry = provider.GetRequiredService<RevokedTokenRegistry>();
        Assert.True(await registry.IsRevokedAsync("token-of-a"));
        Assert.True(await registry.IsRevokedAsync("token-of-b"));
        Assert.False(await registry.IsRevokedAsync("token-of-nobody"));
    }

    [Fact]
    public void KeyedClients_InvalidOptionsOfOne_FailAtStartupNamingTheClientAndTheSetting()
    {
        using var provider = Build(
            services =>
            {
                services.AddAuthingAuthenticationClient("tenant-a", o => CopyInto(_tenantA.CreateClientOptions(), o));
                services.AddAuthingAuthenticationClient("tenant-b", o =>
                {
                    CopyInto(_tenantB.CreateClientOptions(), o);
                    o.AppHost = "ftp://example.authing.cn";
                });
            },
            validate: false);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(exception.Failures);
        Assert.StartsWith("Authing client 'tenant-b': AppHost must be an absolute http(s) URI", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("tenant-b-secret", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void KeyedClient_InvalidOptions_ResolvingItThrowsNamingTheClient()
    {
        using var provider = Build(services => services.AddAuthingAuthenticationClient("tenant-a", o => o.AppId = "tenant-a-app"), validate: false);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<AuthenticationClient>("tenant-a"));

        Assert.All(exception.Failures, failure => Assert.StartsWith("Authing client 'tenant-a': ", failure, StringComparison.Ordinal));
        Assert.Contains(exception.Failures, failure => failure.Contains("AppHost is required", StringComparison.Ordinal));
    }

    [Fact]
    public void UnnamedClient_InvalidOptions_MessagesDoNotNameAClient()
    {
        using var provider = Build(services => services.AddAuthingAuthenticationClient(o => o.AppId = "app"), validate: false);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(exception.Failures, failure => failure.StartsWith("AppHost is required", StringComparison.Ordinal));
        Assert.DoesNotContain(exception.Failures, failure => failure.Contains("Authing client", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnnamedAndKeyedClients_AreSeparateClients()
    {
        using var provider = Build(services =>
        {
            services.AddAuthingAuthenticationClient(o => CopyInto(_tenantA.CreateClientOptions(), o));
            services.AddAuthingAuthenticationClient("tenant-b", o => CopyInto(_tenantB.CreateClientOptions(), o));
        });

        await AssertEachRevocationReachesItsOwnStandInAsync(
            provider.GetRequiredService<AuthenticationClient>(),
            provider.GetRequiredKeyedService<AuthenticationClient>("tenant-b"));
    }

    [Fact]
    public async Task KeyedClient_RegisteredTwice_IsOneClientAndTheLaterSettingWins()
    {
        using var provider = Build(services =>
        {
            services.AddAuthingAuthenticationClient("tenant", o => CopyInto(_tenantA.CreateClientOptions(), o));
            services.AddAuthingAuthenticationClient("tenant", o => CopyInto(_tenantB.CreateClientOptions(), o));
        });

        Assert.Single(provider.GetKeyedServices<AuthenticationClient>("tenant"));
        await provider.GetRequiredKeyedService<AuthenticationClient>("tenant").RevokeTokenAsync("token");

        Assert.Equal((0, 1), (_tenantA.RequestCount, _tenantB.RequestCount));
    }

    [Fact]
    public async Task KeyedClient_ReturnedBuilder_ConfiguresThatClientsHttpClientOnly()
    {
        var handler = new CountingHandler();
        using var provider = Build(services =>
        {
            services.AddAuthingAuthenticationClient("tenant-a", o => CopyInto(_tenantA.CreateClientOptions(), o))
                .AddHttpMessageHandler(() => handler);
            services.AddAuthingAuthenticationClient("tenant-b", o => CopyInto(_tenantB.CreateClientOptions(), o));
        });

        await provider.GetRequiredKeyedService<AuthenticationClient>("tenant-b").RevokeTokenAsync("token-of-b");
        Assert.Equal(0, handler.Requests);

        await provider.GetRequiredKeyedService<AuthenticationClient>("tenant-a").RevokeTokenAsync("token-of-a");
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task KeyedClient_ObserverAddedThroughItsBuilder_IsToldByThatClientOnly()
    {
        var tenantAObserver = new CountingObserver();
        var everyClientObserver = new CountingObserver();
        using var provider = Build(services =>
        {
            services.AddAuthingAuthenticationClient(o => CopyInto(_tenantA.CreateClientOptions(), o)).AddRevocationObserver(everyClientObserver);
            services.AddAuthingAuthenticationClient("tenant-a", o => CopyInto(_tenantA.CreateClientOptions(), o)).AddRevocationObserver(tenantAObserver);
            services.AddAuthingAuthenticationClient("tenant-b", o => CopyInto(_tenantB.CreateClientOptions(), o));
        });

        await provider.GetRequiredKeyedService<AuthenticationClient>("tenant-b").RevokeTokenAsync("token-of-b");
        await provider.GetRequiredKeyedService<AuthenticationClient>("tenant-a").RevokeTokenAsync("token-of-a");

        Assert.Equal(["token-of-a"], tenantAObserver.Tokens);
        Assert.Equal(["token-of-b", "token-of-a"], everyClientObserver.Tokens);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddAuthingAuthenticationClient_BlankName_ThrowsArgumentException(string blankName) =>
        Assert.Throws<ArgumentException>("name", () => new ServiceCollection().AddAuthingAuthenticationClient(blankName, _ => { }));

    [Fact]
    public void AddAuthingAuthenticationClient_NullName_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("name", () => new ServiceCollection().AddAuthingAuthenticationClient(null!, _ => { }));

    [Fact]
    public void AddAuthingAuthenticationClient_NamedWithNullConfiguration_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("configuration", () => new ServiceCollection().AddAuthingAuthenticationClient("tenant-a", (IConfiguration)null!));

    /// <summary>
    /// Revokes one token through each client; the stand-ins answer 401 invalid_client to any other
    /// credentials, which would throw here.
    /// </summary>
    private async Task AssertEachRevocationReachesItsOwnStandInAsync(AuthenticationClient forTenantA, AuthenticationClient forTenantB)
    {
        Assert.True(await forTenantA.RevokeTokenAsync("token-of-a"));
        Assert.True(await forTenantB.RevokeTokenAsync("token-of-b"));

        Assert.Equal(["token-of-a"], _tenantA.RevokedTokens);
        Assert.Equal(["token-of-b"], _tenantB.RevokedTokens);
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure, bool validate = true) => HostContainer.Build(configure, validate);

    private static IConfiguration Configuration(params (string Section, AuthingStandIn StandIn)[] applications)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (section, standIn) in applications)
        {
            var options = standIn.CreateClientOptions();
            values[$"{section}:AppId"] = options.AppId;
            values[$"{section}:AppSecret"] = options.AppSecret;
            values[$"{section}:AppHost"] = options.AppHost;
            values[$"{section}:RevocationEndPointAuthMethod"] = options.RevocationEndPointAuthMethod.ToString();
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static void CopyInto(AuthenticationClientOptions source, AuthenticationClientOptions target)
    {
        (target.AppId, target.AppSecret, target.AppHost) = (source.AppId, source.AppSecret, source.AppHost);
        (target.Protocol, target.RevocationEndPointAuthMethod) = (source.Protocol, source.RevocationEndPointAuthMethod);
    }

    /// <summary>A service of tenant B that asks for its client the .NET 8 way.</summary>
    private sealed class TenantBLogout([FromKeyedServices("tenant-b")] AuthenticationClient authing)
    {
        public AuthenticationClient Authing { get; } = authing;
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class CountingObserver : IRevocationObserver
    {
        private readonly List<string> _tokens = [];

        public IReadOnlyList<string> Tokens
        {
            get
            {
                lock (_tokens)
                {
                    return [.. _tokens];
                }
            }
        }

        public ValueTask OnRevokedAsync(RevocationNotice notice, CancellationToken cancellationToken)
        {
            lock (_tokens)
            {
                _tokens.Add(notice.Token);
            }

            return ValueTask.CompletedTask;
        }
    }
}
