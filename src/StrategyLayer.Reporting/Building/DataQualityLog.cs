using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Reporting.Building;

/// <summary>
/// The period's data-quality list while it is gathered: keeps the first entries (a store full of
/// dangling links stays bounded) and counts them all. Any stage of the computation may add to it.
/// </summary>
internal sealed class DataQualityLog(int cap)
{
    private readonly CappedList<DataQualityEntry> entries = new(cap);

    public int Total => entries.Total;

    public IReadOnlyList<DataQualityEntry> Entries => entries.Items;

    public void Add(DataQualityEntry entry) => entries.Add(entry);
}
