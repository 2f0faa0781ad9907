using Microsoft.Extensions.Options;

namespace AuthingClient.Configuration;

/// <summary>Validation outside dependency injection (standalone constructors), with the same messages as at start-up.</summary>
internal static class ValidatedOptions
{
    /// <summary>Throws <see cref="OptionsValidationException"/> naming each bad setting.</summary>
    public static void ThrowIfInvalid<TOptions>(IValidateOptions<TOptions> validator, TOptions options)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = validator.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), result.Failures);
        }
    }
}
