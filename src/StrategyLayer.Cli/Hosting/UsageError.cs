using System.CommandLine;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Hosting;

/// <summary>
/// One error for a command line that does not parse, with a "did you mean" when what was typed is
/// close to a verb or an option (the parser's own list says "unrecognized" and "required command"
/// for one typo, the first of them misleading).
/// </summary>
internal static class UsageError
{
    public static string Describe(RootCommand root, ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var unmatched = parse.UnmatchedTokens.FirstOrDefault();
        var help = command == root ? "`strategylayer --help`" : $"`strategylayer {command.Name} --help`";
        if (command == root && unmatched is not null && !unmatched.StartsWith('-'))
        {
            var verbs = root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
            return $"error: '{unmatched}' is not a strategylayer command."
                + (DidYouMean.Closest(unmatched, verbs) is { } verb ? $" Did you mean `strategylayer {verb}`?" : "")
                + $" {help} lists them: {string.Join(", ", verbs)}.";
        }

        if (unmatched is not null && unmatched.StartsWith('-'))
        {
            var options = command.Options.Concat(root.Options.Where(o => o.Recursive)).Where(o => !o.Hidden).Select(o => o.Name).Distinct().ToList();
            return $"error: '{unmatched}' is not an option of `{(command == root ? "strategylayer" : "strategylayer " + command.Name)}`."
                + (DidYouMean.Closest(unmatched, options) is { } option ? $" Did you mean `{option}`?" : "")
                + $" See {help}.";
        }

        if (command == root)
        {
            return "error: no command given. Run `strategylayer demo` to see StrategyLayer work, or `strategylayer --help` for every command.";
        }

        return "error: " + string.Join(" ", parse.Errors.Select(e => e.Message).Distinct()) + $" See {help}.";
    }
}
