namespace AuthingClient.Tests.Support;

/// <summary>The ways an application gets an <see cref="AuthenticationClient"/>; contract tests run through each.</summary>
public enum ClientConstruction
{
    /// <summary><c>new AuthenticationClient(options)</c>.</summary>
    Standalone,

    /// <summary><c>services.AddAuthingAuthenticationClient(o =&gt; ...)</c>, options set in code.</summary>
    DependencyInjection,

    /// <summary><c>services.AddAuthingAuthenticationClient(configuration.GetSection("Authing"))</c>, wire names in the configuration.</summary>
    DependencyInjectionFromConfiguration,
}
