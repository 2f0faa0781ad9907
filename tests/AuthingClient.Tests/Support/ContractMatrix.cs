namespace AuthingClient.Tests.Support;

/// <summary>Theory data shared by the contract tests: every way to build a client × every valid protocol and auth method.</summary>
public static class ContractMatrix
{
    public static readonly ClientConstruction[] Constructions = Enum.GetValues<ClientConstruction>();

    /// <summary>Standalone and one DI flavour: enough where the construction does not change the behaviour under test.</summary>
    public static TheoryData<ClientConstruction> StandaloneAndDependencyInjection =>
        [ClientConstruction.Standalone, ClientConstruction.DependencyInjection];

    public static TheoryData<ClientConstruction> AllConstructions => [.. Constructions];

    public static TheoryData<ClientConstruction, AuthingProtocol, ClientAuthenticationMethod> AuthMatrix => Where(_ => true);

    public static TheoryData<ClientConstruction, AuthingProtocol, ClientAuthenticationMethod> ClientSecretBasicMatrix =>
        Where(method => method == ClientAuthenticationMethod.ClientSecretBasic);

    public static TheoryData<ClientConstruction, AuthingProtocol, ClientAuthenticationMethod> NoneMatrix =>
        Where(method => method == ClientAuthenticationMethod.None);

    private static TheoryData<ClientConstruction, AuthingProtocol, ClientAuthenticationMethod> Where(Func<ClientAuthenticationMethod, bool> method)
    {
        var data = new TheoryData<ClientConstruction, AuthingProtocol, ClientAuthenticationMethod>();
        foreach (var construction in Constructions)
        {
            foreach (var (protocol, authMethod) in TestApp.ValidAuthCombinations().Where(c => method(c.Method)))
            {
                data.Add(construction, protocol, authMethod);
            }
        }

        return data;
    }
}
