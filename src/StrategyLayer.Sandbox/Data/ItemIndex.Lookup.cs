namespace StrategyLayer.Sandbox.Data;

internal sealed partial class ItemIndex
{
    public int FindJira(string idOrKey)
    {
        if (long.TryParse(idOrKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            var i = id - JiraIdBase;
            return i >= 0 && i < JiraCount && !IsDeleted((int)i) ? (int)i : -1;
        }

        var dash = idOrKey.LastIndexOf('-');
        if (dash > 0 && int.TryParse(idOrKey.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            var project = Array.FindIndex(Vocabulary.ProjectKeys, k => string.Equals(k, idOrKey[..dash], StringComparison.OrdinalIgnoreCase));
            if (project >= 0)
            {
                lock (gate)
                {
                    var list = byProject[project];
                    if (n >= 1 && n <= list.Count && !IsDeleted(list[n - 1]))
                    {
                        return list[n - 1];
                    }
                }
            }
        }

        lock (gate)
        {
            return oldKeys.TryGetValue(idOrKey, out var moved) && !IsDeleted(moved) ? moved : -1;
        }
    }

    public int FindServiceNow(ItemKind kind, string numberOrSysId)
    {
        var i = SysIds.Decode(Seed, numberOrSysId);
        if (i >= 0 && i < Count && KindOf(i) == kind)
        {
            return IsDeleted(i) ? -1 : i;
        }

        if (numberOrSysId.Length == 10 && int.TryParse(numberOrSysId.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            var idx = TableStart(kind) + n - kind switch { ItemKind.Incident => 10001, ItemKind.Change => 30001, _ => 40001 };
            if (idx >= TableStart(kind) && idx < TableStart(kind) + TableCount(kind) && ServiceNowNumber(kind, number[idx]).Equals(numberOrSysId, StringComparison.OrdinalIgnoreCase))
            {
                return IsDeleted(idx) ? -1 : idx;
            }
        }

        return -1;
    }
}
