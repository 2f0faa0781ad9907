using System.Diagnostics.CodeAnalysis;
using AuthingClient.Revocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AuthingClient.AspNetCore.Receivers;

/// <summary>
/// What every revocation receiver does the same way: its options validated at start-up, one receiver
/// per application over the one registry, and a POST endpoint that the receiver authenticates itself.
/// </summary>
internal static class ReceiverRegistration
{
    public static IServiceCollection AddReceiver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TReceiver>(IServiceCollection services, Action<TOptions> configure, IValidateOptions<TOptions> validator, Func<IServiceProvider, TReceiver> receiver)
        where TOptions : class
        where TReceiver : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddAuthingRevokedTokenRegistry();
        services.AddOptions<TOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(validator));
        services.TryAddSingleton(receiver);
        return services;
    }

    /// <summary>
    /// Maps the receiver, resolved now so that a missing registration or invalid options stop the
    /// application's start rather than fail a delivery. Anonymous: the caller's credential (a secret,
    /// a signed token) is in the request, and the receiver checks it.
    /// </summary>
    public static IEndpointConventionBuilder MapReceiver<TReceiver>(IEndpointRouteBuilder endpoints, string pattern, Func<TReceiver, RequestDelegate> handler, string displayName, string registration)
        where TReceiver : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);

        var receiver = endpoints.ServiceProvider.GetService<TReceiver>()
            ?? throw new InvalidOperationException($"Mapping the {displayName} endpoint needs {registration} to be called first.");
        return endpoints.MapPost(pattern, handler(receiver)).WithDisplayName(displayName).AllowAnonymous();
    }
}
