using AuthingClient.Tests.Configuration;
using AuthingClient.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthingClient.Tests.DependencyInjection;

/// <summary><c>services.AddAuthingAuthenticationClient(...)</c>: what it registers and how it fails.</summary>
public sealed class ServiceRegistrationTests(RevocationServerFixture server) : ServerContractTests(server)
{
    private static readonly ClientConstruction[] DependencyInjectionConstructions =
        [ClientConstruction.DependencyInjection, ClientConstruction.DependencyInjectionFromConfiguration];

    public static TheoryData<ClientConstruction, string> InvalidOptionsThroughDependencyInjection =>
        Cases.Of(from construction in DependencyInjectionConstructions
            from name in InvalidOptionsCases.All.Keys
            select (construction, name));

    [Theory]
    [MemberData(nameof(InvalidOptionsThroughDependencyInjection))]
    public void AddAuthingAuthenticationClient_InvalidOptions_FailsAtStartupNamingTheSetting(ClientConstruction construction, string caseName)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => ClientUnderTest.Create(construction, InvalidOptionsCases.Options(caseName)));

        Assert.Contains(InvalidOptionsCases.All[caseName].Setting, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidOptionsThroughDependencyInjection))]
    public void AddAuthingAuthenticationClient_InvalidOptions_MessageNeverContainsTheSecret(ClientConstruction construction, string caseName)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => ClientUnderTest.Create(construction, InvalidOptionsCases.Options(caseName)));

        Assert.DoesNotContain(TestApp.Secret, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddAuthingAuthenticationClient_InvalidOptions_ResolvingTheClientThrows()
    {
        var services = new ServiceCollection();
        services.AddAuthingAuthenticationClient(o => o.AppId = TestApp.AppId);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<AuthenticationClient>());
    }

    [Fact]
    public void AddAuthingAuthenticationClient_CalledTwice_ReportsEachFailureOnce()
    {
        var services = new ServiceCollection();
        services.AddAuthingAuthenticationClient(o => o.AppId = TestApp.AppId);
        services.AddAuthingAuthenticationClient(o => o.AppId = TestApp.AppId);
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(exception.Failures.Distinct(), exception.Failures);
    }

    [Fact]
    public void AddAuthingAuthenticationClient_ValidOptions_ResolvesAClientWithoutAnyRequest()
    {
        Server.AnswerOk();
        // Create resolves the client (GetRequiredService throws if it cannot): what is left to see is
        // that resolving it sent nothing.
        using var client = ClientUnderTest.Create(ClientConstruction.DependencyInjection, TestApp.Options(Server.Url));

        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task AddAuthingAuthenticationClient_ReturnedBuilder_ConfiguresTheHttpClientThatRevokes()
    {
        Server.AnswerOk();
        var services = new ServiceCollection();
        services.AddAuthingAuthenticationClient(o => o.AppHost = Server.Url)
            .AddHttpMessageHandler(() => new MarkingHandler());
        services.Configure<AuthenticationClientOptions>(o => (o.AppId, o.AppSecret) = (TestApp.AppId, TestApp.Secret));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<AuthenticationClient>().RevokeTokenAsync(TestApp.Token);

        Assert.Equal(["seen"], Server.SingleRequest().Header(MarkingHandler.HeaderName));
    }

    [Fact]
    public void AddAuthingAuthenticationClient_NullServices_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("services", () => ((IServiceCollection)null!).AddAuthingAuthenticationClient(_ => { }));

    [Fact]
    public void AddAuthingAuthenticationClient_NullConfigure_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddAuthingAuthenticationClient((Action<AuthenticationClientOptions>)null!));

    [Fact]
    public void AddAuthingAuthenticationClient_NullConfiguration_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("configuration", () => new ServiceCollection().AddAuthingAuthenticationClient((IConfiguration)null!));

    /// <summary>Marks every request it sees, so the test can tell its handler ran on the revocation request.</summary>
    private sealed class MarkingHandler : DelegatingHandler
    {
        public const string HeaderName = "X-Test-Handler";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add(HeaderName, "seen");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
