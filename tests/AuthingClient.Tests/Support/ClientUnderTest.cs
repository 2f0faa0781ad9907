using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthingClient.Tests.Support;

/// <summary>An <see cref="AuthenticationClient"/> built one of the ways an application builds it, and what must be disposed with it.</summary>
public sealed class ClientUnderTest : IDisposable
{
    private readonly ServiceProvider? _provider;

    private ClientUnderTest(AuthenticationClient client, ServiceProvider? provider)
    {
        Client = client;
        _provider = provider;
    }

    public AuthenticationClient Client { get; }

    public static ClientUnderTest Create(ClientConstruction construction, AuthenticationClientOptions options)
    {
        if (construction == ClientConstruction.Standalone)
        {
            return new ClientUnderTest(new AuthenticationClient(options), provider: null);
        }

        var services = new ServiceCollection();
        if (construction == ClientConstruction.DependencyInjection)
        {
            services.AddAuthingAuthenticationClient(o => CopyInto(options, o));
        }
        else
        {
            services.AddAuthingAuthenticationClient(Configuration(options).GetSection("Authing"));
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            // What the host does at start-up: ValidateOnStart options are checked here.
            provider.GetRequiredService<IStartupValidator>().Validate();
            return new ClientUnderTest(provider.GetRequiredService<AuthenticationClient>(), provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>The options as an operator writes them in appsettings.json: section "Authing", OAuth wire names.</summary>
    public static IConfiguration Configuration(AuthenticationClientOptions options) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Authing:AppId"] = options.AppId,
                ["Authing:AppSecret"] = options.AppSecret,
                ["Authing:AppHost"] = options.AppHost,
                ["Authing:Protocol"] = TestApp.WireName(options.Protocol),
                ["Authing:RevocationEndPointAuthMethod"] = TestApp.WireName(options.RevocationEndPointAuthMethod),
                ["Authing:AllowInsecureHttp"] = options.AllowInsecureHttp ? "true" : "false",
            })
            .Build();

    public void Dispose()
    {
        Client.Dispose();
        _provider?.Dispose();
    }

    private static void CopyInto(AuthenticationClientOptions source, AuthenticationClientOptions target)
    {
        target.AppId = source.AppId;
        target.AppSecret = source.AppSecret;
        target.AppHost = source.AppHost;
        target.Protocol = source.Protocol;
        target.RevocationEndPointAuthMethod = source.RevocationEndPointAuthMethod;
        target.AllowInsecureHttp = source.AllowInsecureHttp;
    }
}
