using AuthingClient.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthingClient.AspNetCore.Tests.Receivers;

/// <summary>
/// The receivers' options: bound from configuration, defaulted, and validated so that a
/// misconfigured receiver stops the application at start-up (or when it is mapped) with an error
/// naming the setting and never the secret.
/// </summary>
public sealed class ReceiverOptionsTests
{
    [Theory]
    [InlineData(null, "Authing:Webhook:Secret is required")]
    [InlineData("  ", "Authing:Webhook:Secret is required")]
    [InlineData("fifteen-chars-x", "Authing:Webhook:Secret must be at least 16 characters long")]
    public async Task MapAuthingWebhook_WithoutAUsableSecret_FailsNamingTheSettingWithoutEchoingIt(string? secret, string expected)
    {
        await using var app = Build(services => services.AddAuthingWebhook(o =>
        {
            o.Secret = secret;
            o.Issuer = TestTokens.Issuer;
        }));

        var failure = Assert.Throws<OptionsValidationException>(() => app.MapAuthingWebhook("/authing/events"));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fifteen-chars-x", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookWithoutIssuerOrAuthingClient_FailsNamingIssuer()
    {
        await using var app = Build(services => services.AddAuthingWebhook(o => o.Secret = RevocationReceivers.WebhookSecret));

        var failure = Assert.Throws<OptionsValidationException>(() => app.MapAuthingWebhook("/authing/events"));

        Assert.Contains("Authing:Webhook:Issuer is required", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookIssuer_DefaultsToTheAuthingClientsAppHostOidc()
    {
        await using var app = Build(services =>
        {
            services.AddAuthingAuthenticationClient(o =>
            {
                o.AppId = "app";
                o.AppSecret = "secret";
                o.AppHost = "https://example.authing.cn/";
            });
            services.AddAuthingWebhook(o => o.Secret = RevocationReceivers.WebhookSecret);
        });

        Assert.Equal("https://example.authing.cn/oidc", app.Services.GetRequiredService<IOptions<AuthingWebhookOptions>>().Value.Issuer);
    }

    [Fact]
    public async Task BothReceivers_BindFromConfigurationSections()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authing:Webhook:Secret"] = RevocationReceivers.WebhookSecret,
            ["Authing:Webhook:Issuer"] = "https://tenant.authing.cn/oidc",
            ["Authing:BackChannelLogout:ClientId"] = "client-1",
            ["Authing:BackChannelLogout:AuthenticationScheme"] = "Other",
            ["Authing:BackChannelLogout:MaxTokenAge"] = "00:02:00",
        }).Build();
        await using var app = Build(services =>
        {
            services.AddAuthingWebhook(configuration.GetSection(AuthingWebhookOptions.SectionName));
            services.AddAuthingBackChannelLogout(configuration.GetSection(BackChannelLogoutOptions.SectionName));
        });

        var webhook = app.Services.GetRequiredService<IOptions<AuthingWebhookOptions>>().Value;
        var logout = app.Services.GetRequiredService<IOptions<BackChannelLogoutOptions>>().Value;

        Assert.Equal((RevocationReceivers.WebhookSecret, "https://tenant.authing.cn/oidc"), (webhook.Secret, webhook.Issuer));
        Assert.Equal(("client-1", "Other", TimeSpan.FromMinutes(2)), (logout.ClientId, logout.AuthenticationScheme, logout.MaxTokenAge));
    }

    [Fact]
    public async Task BackChannelLogoutWithoutClientId_FailsNamingClientId()
    {
        await using var app = Build(services => services.AddAuthingBackChannelLogout(o => o.MaxTokenAge = TimeSpan.Zero));

        var failure = Assert.Throws<OptionsValidationException>(() => app.MapBackChannelLogout("/backchannel-logout"));

        Assert.Contains("Authing:BackChannelLogout:ClientId is required", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Authing:BackChannelLogout:MaxTokenAge must be between", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackChannelLogoutNamingASchemeWithoutKeys_FailsWhenMapped()
    {
        await using var app = Build(services => services.AddAuthingBackChannelLogout(o =>
        {
            o.ClientId = RevocationReceivers.ClientId;
            o.AuthenticationScheme = "NoSuchScheme";
        }));

        var failure = Assert.Throws<InvalidOperationException>(() => app.MapBackChannelLogout("/backchannel-logout"));

        Assert.Contains("Authing:BackChannelLogout:AuthenticationScheme is 'NoSuchScheme'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MappingWithoutRegistering_FailsSayingWhatToCall()
    {
        await using var app = Build(_ => { });

        var webhook = Assert.Throws<InvalidOperationException>(() => app.MapAuthingWebhook("/authing/events"));
        var logout = Assert.Throws<InvalidOperationException>(() => app.MapBackChannelLogout("/backchannel-logout"));

        Assert.Contains("AddAuthingWebhook", webhook.Message, StringComparison.Ordinal);
        Assert.Contains("AddAuthingBackChannelLogout", logout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidOptions_StopTheApplicationAtStartUp_EvenUnmapped()
    {
        await using var app = Build(services => services.AddAuthingWebhook(o => o.Issuer = TestTokens.Issuer));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Authing:Webhook:Secret is required", failure.Message, StringComparison.Ordinal);
    }

    private static WebApplication Build(Action<IServiceCollection> services)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication().AddJwtBearer();
        services(builder.Services);
        return builder.Build();
    }
}
