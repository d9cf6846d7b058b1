using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ChargePoint.V2g.Exi.Generator.Schema;

/// <summary>
/// Numbers the leaves of a complex type's content model in document order and names their C# properties:
/// optional and list flags, the item groups of repeated groups with several leaves, and the property names
/// (inherited leaves keep the base type's names; clashes get a number).
/// </summary>
internal static class LeafCollector
{
    public static void Collect(ComplexInfo info)
    {
        var names = new HashSet<string>(info.Attributes.Select(a => a.PropertyName));
        names.Add(info.CsName);
        Walk(info.Content!, false, false, null, false, 1, 1);
        var baseLeaves = info.Base?.Leaves.Count ?? 0;
        info.InheritedLeafCount = baseLeaves;
        for (var i = 0; i < info.Leaves.Count; i++)
        {
            var leaf = info.Leaves[i];
            leaf.Index = i;
            if (i < baseLeaves)
            {
                if (leaf.Item is not null)
                {
                    throw new InvalidOperationException("Type " + info.CsName + " extends a type with repeated groups; not supported.");
                }

                leaf.PropertyName = info.Base!.Leaves[i].PropertyName;
                names.Add(leaf.PropertyName);
            }
            else if (leaf.Item is null)
            {
                leaf.PropertyName = Unique(names, leaf.IsWildcard ? "Any" : leaf.Element!.Name.Local);
            }
        }

        foreach (var item in info.ItemGroups)
        {
            item.PropertyName = Unique(names, "Items");
            var itemNames = new HashSet<string> { item.CsName };
            foreach (var leaf in item.Leaves)
            {
                leaf.PropertyName = Unique(itemNames, leaf.IsWildcard ? "Any" : leaf.Element!.Name.Local);
            }
        }

        if (info.Mixed)
        {
            info.TextProperty = Unique(names, "Text");
        }

        if (names.Contains("Value"))
        {
            info.SimpleContentProperty = "Content";
        }

        // item: the item group the walk is inside; itemOptional: optional relative to one item; listMin/listMax:
        // occurrence bounds of a single-leaf repeated group around the leaf.
        void Walk(Particle p, bool optional, bool list, ItemGroup? item, bool itemOptional, int listMin, int listMax)
        {
            optional |= p.Min == 0;
            if (item is not null && p != item.Group)
            {
                itemOptional |= p.Min == 0;
            }

            if (p is LeafParticle leaf)
            {
                leaf.Item = item;
                leaf.IsOptional = item is not null ? itemOptional : optional;
                leaf.IsList = item is not null ? leaf.Repeats : list || leaf.Repeats;
                leaf.InRepeatedGroup = list;
                leaf.ListMin = listMin * leaf.Min;
                leaf.ListMax = listMax == -1 || leaf.Max == -1 ? -1 : listMax * leaf.Max;
                item?.Leaves.Add(leaf);
                info.Leaves.Add(leaf);
                return;
            }

            var group = (GroupParticle)p;
            if (group.Repeats && item is not null)
            {
                throw new InvalidOperationException("Type " + info.CsName + " nests repeated groups; not supported.");
            }

            if (group.Repeats && CountLeaves(group) > 1)
            {
                item = new ItemGroup(group, info.CsName + "Item" + (info.ItemGroups.Count == 0 ? "" : (info.ItemGroups.Count + 1).ToString(CultureInfo.InvariantCulture)), "");
                group.Item = item;
                info.ItemGroups.Add(item);
                itemOptional = false;
            }
            else if (group.Repeats)
            {
                listMin *= group.Min;
                listMax = listMax == -1 || group.Max == -1 ? -1 : listMax * group.Max;
            }

            var childMin = group.IsChoice && group.Children.Count > 1 ? 0 : 1;
            foreach (var child in group.Children)
            {
                Walk(child, optional || group.IsChoice, list || group.Repeats, item, itemOptional || group.IsChoice, listMin * childMin, listMax);
            }
        }
    }

    private static int CountLeaves(Particle particle) =>
        particle is GroupParticle group ? group.Children.Sum(CountLeaves) : 1;

    private static string Unique(HashSet<string> names, string name)
    {
        var candidate = name;
        var n = 2;
        while (names.Contains(candidate))
        {
            candidate = name + n++;
        }

        names.Add(candidate);
        return candidate;
    }
}
