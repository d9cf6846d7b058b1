using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>Numbers qualified names for the local partitions of the decoder's string table.</summary>
internal sealed class QualifiedNameIds
{
    private readonly Dictionary<QName, int> _ids = new Dictionary<QName, int>();

    public int Get(QName name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            id = _ids.Count;
            _ids[name] = id;
        }

        return id;
    }

    /// <summary>Every numbered qname with its id, for the runtime lookup of wildcard content.</summary>
    public IEnumerable<KeyValuePair<QName, int>> All => _ids.OrderBy(p => p.Value);

    public string Literal(QName name) => Get(name).ToString(CultureInfo.InvariantCulture);
}
