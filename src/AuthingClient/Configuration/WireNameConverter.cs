using System.ComponentModel;
using System.Globalization;

namespace AuthingClient.Configuration;

/// <summary>
/// Lets configuration binding (and anything else that uses <see cref="TypeDescriptor"/>) read an
/// enum from either its OAuth wire name or its .NET name.
/// </summary>
internal abstract class WireNameConverter<TEnum> : TypeConverter
    where TEnum : struct, Enum
{
    private readonly WireNameTable<TEnum> _table;

    protected WireNameConverter(WireNameTable<TEnum> table) => _table = table;

    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? _table.TryParse(text, out var parsed)
                ? parsed
                : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}; expected {_table.Expected}.")
            : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is TEnum typed
            ? _table.ToWireName(typed)
            : base.ConvertTo(context, culture, value, destinationType);
}

/// <summary>Reads <see cref="ClientAuthenticationMethod"/> from <c>client_secret_post</c>-style names too.</summary>
internal sealed class ClientAuthenticationMethodConverter() : WireNameConverter<ClientAuthenticationMethod>(WireNames.AuthMethod);

/// <summary>Reads <see cref="TokenTypeHint"/> from <c>access_token</c>-style names too.</summary>
internal sealed class TokenTypeHintConverter() : WireNameConverter<TokenTypeHint>(WireNames.Hint);
