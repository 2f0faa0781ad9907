using AuthingClient.Revocation;
using AuthingClient.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AuthingClient.Caching.Tests;

/// <summary>What <c>UseDistributedRevokedTokenRegistry</c> registers.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task UseDistributedRevokedTokenRegistry_ReplacesTheInMemoryOneWhateverTheOrder()
    {
        using var authing = AuthingServer.Answering(AuthingAnswer.Revoked);
        using var provider = Build(services =>
        {
            services.AddDistributedMemoryCache();
            services.AddAuthingAuthenticationClient(o => authing.Configure(o)).UseDistributedRevokedTokenRegistry();
            services.AddAuthingRevokedTokenRegistry();
        });

        Assert.IsType<DistributedRevokedTokenRegistry>(provider.GetRequiredService<IRevokedTokenRegistry>());
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure) => HostContainer.Build(configure, validate: true);
}
