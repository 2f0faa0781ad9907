using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthingClient.TestSupport;

/// <summary>Containers for registration tests, built the way a host builds them.</summary>
public static class HostContainer
{
    /// <summary>A container as the host builds it: validated on build, start-up validation run unless <paramref name="validate"/> is false.</summary>
    /// <param name="configure">Registers the services under test.</param>
    /// <param name="validate">Whether to run start-up validation (<c>ValidateOnStart</c>) as the host would.</param>
    /// <returns>The container; the caller disposes it.</returns>
    public static ServiceProvider Build(Action<IServiceCollection> configure, bool validate = true)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var services = new ServiceCollection();
        configure(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        if (validate)
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }

        return provider;
    }
}
