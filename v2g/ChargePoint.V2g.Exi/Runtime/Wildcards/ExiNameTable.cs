namespace ChargePoint.V2g.Exi;

/// <summary>
/// The URI and local-name partitions of one stream's string table: the schema's pre-populated entries (kept
/// shared, never copied) plus the names the stream adds. Qualified names are coded as EXI 1.0 §7.1.7 says:
/// the URI through a partition optimized for compact identifiers (§7.3.2), the local name through one
/// optimized for literals (§7.3.3).
/// </summary>
internal sealed class ExiNameTable(ExiSchemaNames names)
{
    private List<string>? _addedUris;
    private Dictionary<int, List<string>>? _addedLocals;

    public int UriCount => names.Uris.Length + (_addedUris?.Count ?? 0);

    public string Uri(int index) => index < names.Uris.Length ? names.Uris[index] : _addedUris![index - names.Uris.Length];

    public int LocalCount(int uri) => StaticLocals(uri).Length + (Added(uri)?.Count ?? 0);

    public string Local(int uri, int index)
    {
        var fixedNames = StaticLocals(uri);
        return index < fixedNames.Length ? fixedNames[index] : Added(uri)![index - fixedNames.Length];
    }

    public int FindUri(string uri)
    {
        var found = Array.IndexOf(names.Uris, uri);
        if (found >= 0)
        {
            return found;
        }

        var added = _addedUris?.IndexOf(uri) ?? -1;
        return added < 0 ? -1 : names.Uris.Length + added;
    }

    public int FindLocal(int uri, string local)
    {
        var fixedNames = StaticLocals(uri);
        var found = Array.BinarySearch(fixedNames, local, StringComparer.Ordinal);
        if (found >= 0)
        {
            return found;
        }

        var added = Added(uri)?.IndexOf(local) ?? -1;
        return added < 0 ? -1 : fixedNames.Length + added;
    }

    /// <summary>Reads a qname's URI and local name (both coded, as for SE(*) and AT(*)).</summary>
    public (int Uri, int Local) Read(ref ExiBitReader r)
    {
        var uri = ReadUri(ref r);
        return (uri, ReadLocal(ref r, uri));
    }

    public int ReadUri(ref ExiBitReader r)
    {
        var count = UriCount;
        var code = r.ReadBits(ExiStringTable.BitsFor(count + 1));
        if (code == 0)
        {
            var length = r.ReadUnsigned(int.MaxValue);
            return AddUri(r.ReadLiteral((int)length));
        }

        if (code > count)
        {
            throw new ExiException($"EXI URI hit {code - 1} outside a partition of {count}.");
        }

        return (int)code - 1;
    }

    public int ReadLocal(ref ExiBitReader r, int uri)
    {
        var selector = r.ReadUnsigned(int.MaxValue);
        if (selector != 0)
        {
            return AddLocal(uri, r.ReadLiteral((int)selector - 1));
        }

        var count = LocalCount(uri);
        if (count == 0)
        {
            throw new ExiException("EXI local-name hit on an empty partition.");
        }

        var index = r.ReadBits(ExiStringTable.BitsFor(count));
        if (index >= count)
        {
            throw new ExiException($"EXI local-name hit {index} outside a partition of {count}.");
        }

        return (int)index;
    }

    /// <summary>Writes a qname (URI then local name), adding what the table does not hold yet.</summary>
    public (int Uri, int Local) Write(ref ExiBitWriter w, string ns, string local)
    {
        var uri = WriteUri(ref w, ns);
        return (uri, WriteLocal(ref w, uri, local));
    }

    public int WriteUri(ref ExiBitWriter w, string ns)
    {
        var bits = ExiStringTable.BitsFor(UriCount + 1);
        var uri = FindUri(ns);
        if (uri >= 0)
        {
            w.WriteBits(bits, (uint)uri + 1);
            return uri;
        }

        w.WriteBits(bits, 0);
        w.WriteUnsigned((ulong)ExiCodePoints.CountCodePoints(ns));
        w.WriteCodePoints(ns);
        return AddUri(ns);
    }

    public int WriteLocal(ref ExiBitWriter w, int uri, string local)
    {
        var index = FindLocal(uri, local);
        if (index >= 0)
        {
            w.WriteUnsigned(0);
            w.WriteBits(ExiStringTable.BitsFor(LocalCount(uri)), (uint)index);
            return index;
        }

        w.WriteUnsigned((ulong)ExiCodePoints.CountCodePoints(local) + 1);
        w.WriteCodePoints(local);
        return AddLocal(uri, local);
    }

    private int AddUri(string uri)
    {
        (_addedUris ??= []).Add(uri);
        return UriCount - 1;
    }

    private int AddLocal(int uri, string local)
    {
        _addedLocals ??= [];
        if (!_addedLocals.TryGetValue(uri, out var list))
        {
            _addedLocals[uri] = list = [];
        }

        list.Add(local);
        return LocalCount(uri) - 1;
    }

    private string[] StaticLocals(int uri) => uri < names.LocalNames.Length ? names.LocalNames[uri] : [];

    private List<string>? Added(int uri) => _addedLocals is not null && _addedLocals.TryGetValue(uri, out var list) ? list : null;
}
