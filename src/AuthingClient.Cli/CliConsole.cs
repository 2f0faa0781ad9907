using System.Text;
using Spectre.Console;

namespace AuthingClient.Cli;

/// <summary>
/// What a run talks to: standard input, output and error, whether stderr is a terminal a person
/// watches, and the clock. <see cref="ForProcess"/> gives the real ones; tests pass their own.
/// </summary>
/// <param name="In">Standard input, read when the tokens come from <c>-</c>.</param>
/// <param name="Out">Results, one line per token.</param>
/// <param name="Error">Messages, progress and the summary.</param>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Whether stderr is an interactive terminal that understands ANSI: a live progress bar instead of progress lines.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The clock for progress, rates and elapsed times.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The process's console, with <paramref name="stdout"/> (a buffered writer the caller flushes) for results.</summary>
    public static CliConsole ForProcess(TextWriter stdout) =>
        new(new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize), stdout, Console.Error)
        {
            ErrorIsTerminal = !Console.IsErrorRedirected && AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Profile.Capabilities.Ansi,
        };

    /// <summary>A buffered UTF-8 writer on the process's stdout: a million result lines must not be a million writes.</summary>
    public static StreamWriter OpenStandardOutput() =>
        new(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize) { AutoFlush = false };
}
