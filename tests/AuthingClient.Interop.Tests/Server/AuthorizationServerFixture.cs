using AuthingClient.Interop.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AuthingClient.Interop.Tests.Server;

/// <summary>
/// A real OpenIddict 7 authorization server, in process on a free loopback port, started once for
/// all interop tests. Access and refresh tokens are reference tokens (opaque handles backed by the
/// token store; one client gets JWT access tokens instead), so revoking one takes effect at once
/// and introspection reports it inactive.
/// The revocation endpoint answers on both of Authing's paths.
/// </summary>
public sealed class AuthorizationServerFixture : IAsyncLifetime
{
    public const string TokenPath = "/connect/token";
    public const string IntrospectionPath = "/connect/introspect";
    public const string OidcRevocationPath = "/oidc/token/revocation";
    public const string OAuthRevocationPath = "/oauth/token/revocation";

    private WebApplication? _app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234</c>: the library's AppHost.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Sees every revocation request and holds each client to its registered method.</summary>
    public RevocationMethodPolicy RevocationPolicy { get; } =
        new([.. RegisteredClient.TokenClients, RegisteredClient.ResourceServer]);

    /// <summary>Talks to the token and introspection endpoints the way an application would.</summary>
    public AuthorizationServerClient Endpoints { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AuthorizationServerFixture).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Development",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        var databaseName = "openiddict-" + Guid.NewGuid().ToString("N");
        builder.Services.AddDbContext<InteropDbContext>(options =>
        {
            options.UseInMemoryDatabase(databaseName);
            options.UseOpenIddict();
        });

        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<InteropDbContext>())
            .AddServer(options =>
            {
                options.SetTokenEndpointUris(TokenPath.TrimStart('/'))
                    .SetIntrospectionEndpointUris(IntrospectionPath.TrimStart('/'))
                    .SetRevocationEndpointUris(OidcRevocationPath.TrimStart('/'), OAuthRevocationPath.TrimStart('/'));

                options.AllowPasswordFlow().AllowRefreshTokenFlow();
                options.RegisterScopes(Scopes.OpenId, Scopes.OfflineAccess);

                options.UseReferenceAccessTokens().UseReferenceRefreshTokens();
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();

                // One client gets self-contained access tokens: decided before OpenIddict builds the token.
                options.AddEventHandler<GenerateTokenContext>(handler => handler
                    .UseInlineHandler(static context =>
                    {
                        if (context.TokenType == TokenTypeIdentifiers.AccessToken
                            && context.ClientId == RegisteredClient.SelfContainedAccessTokens.ClientId)
                        {
                            context.IsReferenceToken = false;
                        }

                        return default;
                    })
                    .SetOrder(int.MinValue));
                options.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseInlineHandler(TokenIssuance.HandleAsync));
                // First among the validation handlers: record the request before anything can refuse it.
                options.AddEventHandler<ValidateRevocationRequestContext>(handler => handler
                    .UseInlineHandler(RevocationPolicy.ApplyAsync)
                    .SetOrder(int.MinValue));

                // Plain http on loopback only: the tests never leave the machine.
                options.UseAspNetCore().DisableTransportSecurityRequirement();
            });

        _app = builder.Build();
        await SeedClientsAsync(_app.Services);
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address, UriKind.Absolute);
        Endpoints = new AuthorizationServerClient(BaseAddress);
    }

    public async Task DisposeAsync()
    {
        Endpoints?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>
    /// The library under test, configured as <paramref name="client"/>'s application and pointed at
    /// this server; <paramref name="secret"/> and <paramref name="method"/> override the registration.
    /// </summary>
    public AuthenticationClient CreateAuthingClient(
        RegisteredClient client,
        AuthingProtocol protocol = AuthingProtocol.Oidc,
        string? secret = null,
        ClientAuthenticationMethod? method = null) => new(new AuthenticationClientOptions
    {
        AppId = client.ClientId,
        AppSecret = secret ?? client.ClientSecret,
        AppHost = BaseAddress.ToString(),
        Protocol = protocol,
        RevocationEndPointAuthMethod = method ?? client.RevocationMethod,
        // A loaded 2-core CI machine may be slow to JIT the server's first revocation: these tests
        // are about what the server answers, so no attempt may time out and be retried.
        AttemptTimeout = TimeSpan.FromSeconds(60),
        Timeout = TimeSpan.FromSeconds(120),
    });

    private static async Task SeedClientsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        foreach (var client in RegisteredClient.TokenClients)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = client.ClientSecret,
                ClientType = client.ClientSecret is null ? ClientTypes.Public : ClientTypes.Confidential,
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.Endpoints.Revocation,
                    Permissions.GrantTypes.Password,
                    Permissions.GrantTypes.RefreshToken,
                },
            };
            await applications.CreateAsync(descriptor);
        }

        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = RegisteredClient.ResourceServer.ClientId,
            ClientSecret = RegisteredClient.ResourceServer.ClientSecret,
            ClientType = ClientTypes.Confidential,
            Permissions = { Permissions.Endpoints.Introspection, Permissions.Endpoints.Revocation },
        });
    }
}

/// <summary>One server for every interop test class: starting OpenIddict takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAuthorizationServer : ICollectionFixture<AuthorizationServerFixture>
{
    public const string Name = "OpenIddict authorization server";
}
