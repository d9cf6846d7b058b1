namespace ChargePoint.V2g.Exi;

/// <summary>
/// One item of content that the schema does not type: what an <c>xs:any</c> wildcard admits (EXI 1.0
/// §8.5.4.1.7), the content of an element coded with the built-in element grammar (§8.4.3), or the content
/// of a relaxed element fragment (§8.5.3). It is text, a schema-less element, or an element with a typed value.
/// </summary>
public abstract class ExiNode
{
    private protected ExiNode()
    {
    }
}
