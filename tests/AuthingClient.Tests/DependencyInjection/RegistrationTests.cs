using AuthingClient.TestSupport;
using AuthingClient.Revocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthingClient.Tests.DependencyInjection;

/// <summary>What <c>AddAuthingAuthenticationClient</c> and its builder register for local caches.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task AddAuthingRevokedTokenRegistry_RegistersAnInMemoryRegistryTheClientMarks()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        using var provider = Build(services => services.AddAuthingRevokedTokenRegistry().AddAuthingAuthenticationClient(o => authing.Configure(o)));
        var token = TestTokens.Opaque();

        await provider.GetRequiredService<AuthenticationClient>().RevokeTokenAsync(token);

        var registry = Assert.IsType<InMemoryRevokedTokenRegistry>(provider.GetRequiredService<RevokedTokenRegistry>());
        Assert.True(await registry.IsRevokedAsync(token));
    }

    [Fact]
    public async Task AddAuthingAuthenticationClient_Alone_RegistersNoRegistry()
    {
        // A process that only revokes (a CLI, a batch job) validates nothing locally: nothing to remember.
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        using var provider = Build(services => services.AddAuthingAuthenticationClient(o => authing.Configure(o)));

        Assert.True(await provider.GetRequiredService<AuthenticationClient>().RevokeTokenAsync(TestTokens.Opaque()));
        Assert.Null(provider.GetService<RevokedTokenRegistry>());
    }

    [Fact]
    public async Task AddRevocationObserver_ObserversFromTheBuilderAndTheOptions_AreEachToldOnce()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        var instance = new RecordingObserver("instance");
        using var provider = Build(services => services
            .AddAuthingAuthenticationClient(o =>
            {
                authing.Configure(o);
                o.RevocationObservers.Add(instance);
            })
            .AddRevocationObserver<RecordingObserver>()
            .AddRevocationObserver<RecordingObserver>()
            .AddRevocationObserver(instance));

        await provider.GetRequiredService<AuthenticationClient>().RevokeTokenAsync(TestTokens.Opaque());

        var byType = provider.GetServices<IRevocationObserver>().OfType<RecordingObserver>().Single(o => !ReferenceEquals(o, instance));
        Assert.Equal((1, 1), (instance.Notices.Count, byType.Notices.Count));
    }

    [Fact]
    public void AddAuthingRevokedTokenRegistry_InvalidOptions_FailAtStartupNamingTheSetting()
    {
        using var provider = Build(
            services => services.AddAuthingAuthenticationClient(Configuration("when_requested")).Services.AddAuthingRevokedTokenRegistry(o => o.ClockSkew = TimeSpan.FromDays(-1)),
            validate: false);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(nameof(RevokedTokenRegistryOptions.ClockSkew), exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("when_confirmed", RevokedTokenMarking.WhenConfirmed)]
    [InlineData("WhenConfirmed", RevokedTokenMarking.WhenConfirmed)]
    [InlineData(" when_requested ", RevokedTokenMarking.WhenRequested)]
    public void RevokedTokenMarking_IsReadFromConfigurationByEitherName(string text, RevokedTokenMarking expected)
    {
        using var provider = Build(services => services.AddAuthingAuthenticationClient(Configuration(text)));

        Assert.Equal(expected, provider.GetRequiredService<IOptions<AuthenticationClientOptions>>().Value.RevokedTokenMarking);
    }

    [Fact]
    public void RevokedTokenMarking_UnknownValue_FailsAtStartupNamingTheSetting()
    {
        using var provider = Build(services => services.AddAuthingAuthenticationClient(Configuration("eventually")), validate: false);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("RevokedTokenMarking must be when_requested or when_confirmed", exception.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string marking) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authing:AppId"] = AuthingServer.AppId,
            ["Authing:AppSecret"] = AuthingServer.Secret,
            ["Authing:AppHost"] = "https://example.authing.cn",
            ["Authing:RevokedTokenMarking"] = marking,
        })
        .Build()
        .GetSection("Authing");

    private static ServiceProvider Build(Action<IServiceCollection> configure, bool validate = true) => HostContainer.Build(configure, validate);
}
