using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Store;

namespace StrategyLayer.Application;

/// <summary>
/// Names a user types (a team, a measure, a template): an unknown one is a usage error (exit 2) that
/// lists the known ones, rather than an empty pack or an empty list that looks like an answer.
/// </summary>
public static class KnownNames
{
    public static void RequireMeasure(StrategyTree tree, string measure)
    {
        if (tree.FindMeasure(measure) is null)
        {
            throw Unknown("measure", measure, "in the strategy tree", tree.Measures.Select(m => m.Id));
        }
    }

    /// <summary>A team some stored item belongs to (compared as <c>items --team</c> compares).</summary>
    public static async Task RequireTeamAsync(IItemReader store, string team, CancellationToken cancellationToken)
    {
        if (await store.ItemsAsync(new ItemQuery { Team = team, IncludeRemoved = false }, cancellationToken).AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // Only on the way to an error is every item read, for the list of teams.
        var teams = await store.ItemsAsync(new ItemQuery { IncludeRemoved = false }, cancellationToken).Select(i => i.Team).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (!teams.Contains(team, StringComparer.OrdinalIgnoreCase))
        {
            throw Unknown("team", team, "among the stored items", teams);
        }
    }

    /// <summary>A pack template: a <c>.sbn</c> file of the templates folder not starting with <c>_</c> (those are parts).</summary>
    public static void RequireTemplate(string templatesFolder, string template)
    {
        var known = Directory.Exists(templatesFolder)
            ? Directory.EnumerateFiles(templatesFolder, "*.sbn").Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(n => !n.StartsWith('_')).ToList()
            : [];
        if (!known.Contains(template, StringComparer.Ordinal))
        {
            throw Unknown("template", template, "in " + templatesFolder, known);
        }
    }

    public static StrategyLayerException Unknown(string what, string name, string where, IEnumerable<string> known)
    {
        var list = known.Order(StringComparer.OrdinalIgnoreCase).ToList();
        var suggestion = DidYouMean.Closest(name, list);
        return new StrategyLayerException(
            $"no {what} '{name}' {where}"
            + (suggestion is null ? "" : $"; did you mean '{suggestion}'?")
            + (list.Count == 0 ? $" (there are none yet)" : $"; known: {string.Join(", ", list.Take(40))}{(list.Count > 40 ? $" and {list.Count - 40} more" : "")}"),
            ErrorKind.Usage);
    }
}
