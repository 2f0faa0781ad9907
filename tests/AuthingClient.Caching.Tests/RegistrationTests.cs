using AuthingClient.Revocation;
using AuthingClient.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.Caching.Tests;

/// <summary>What <c>AddAuthingDistributedRevokedTokenRegistry</c> registers.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task AddAuthingDistributedRevokedTokenRegistry_ReplacesTheInMemoryOneWhateverTheOrder()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        using var provider = Build(services =>
        {
            services.AddDistributedMemoryCache();
            services.AddAuthingAuthenticationClient(o => authing.Configure(o));
            services.AddAuthingDistributedRevokedTokenRegistry();
            services.AddAuthingRevokedTokenRegistry();
        });

        Assert.IsType<DistributedRevokedTokenRegistry>(provider.GetRequiredService<RevokedTokenRegistry>());
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure) => HostContainer.Build(configure, validate: true);
}
