using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using AuthingClient.Cli.Settings;

namespace AuthingClient.Cli;

/// <summary>
/// The standard help, followed by what the standard layout has no place for: the environment
/// variables and the exit codes scripts depend on.
/// </summary>
internal sealed class HelpSections : SynchronousCommandLineAction
{
    private readonly HelpAction _standardHelp;

    private HelpSections(HelpAction standardHelp) => _standardHelp = standardHelp;

    public override bool ClearsParseErrors => true;

    public static void AddTo(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpSections((HelpAction)help.Action!);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var result = _standardHelp.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Environment variables:");
        output.WriteLine(EnvironmentVariables.HelpText);
        output.WriteLine();
        output.WriteLine("Exit codes:");
        output.WriteLine(ExitCodes.HelpText);
        return result;
    }
}
