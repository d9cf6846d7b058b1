namespace ChargePoint.Hal.Safety;

public enum PowerPathState
{
    /// <summary>Contactors commanded open.</summary>
    Open,

    /// <summary>Contactors commanded closed.</summary>
    Closed,

    /// <summary>Power module commanded off; waiting (bounded) for its current to decay before opening.</summary>
    Opening,
}
