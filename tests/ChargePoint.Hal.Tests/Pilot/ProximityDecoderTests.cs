using ChargePoint.Hal.Pilot;

namespace ChargePoint.Hal.Tests.Pilot;

public sealed class ProximityDecoderTests
{
    // IEC 61851-1 Table B.2 nominal codings and the tolerance range ends.
    [Theory]
    [InlineData(1500, CableAmpacity.Amperes13)]
    [InlineData(680, CableAmpacity.Amperes20)]
    [InlineData(220, CableAmpacity.Amperes32)]
    [InlineData(100, CableAmpacity.Amperes63ThreePhase70SinglePhase)]
    [InlineData(2460, CableAmpacity.Amperes13)]
    [InlineData(936, CableAmpacity.Amperes20)]
    [InlineData(308, CableAmpacity.Amperes32)]
    [InlineData(80, CableAmpacity.Amperes63ThreePhase70SinglePhase)]
    [InlineData(150, CableAmpacity.Amperes32)]
    [InlineData(59, CableAmpacity.Fault)]
    [InlineData(4501, CableAmpacity.NoCable)]
    [InlineData(double.PositiveInfinity, CableAmpacity.NoCable)]
    [InlineData(double.NaN, CableAmpacity.Fault)]
    public void Resistance_decodes_to_the_cable_rating(double ohms, CableAmpacity expected) =>
        Assert.Equal(expected, ProximityDecoder.Decode(ohms));

    [Fact]
    public void The_100_ohm_coding_means_63_A_three_phase_and_70_A_single_phase()
    {
        Assert.Equal(63, ProximityDecoder.MaxCurrentAmperes(CableAmpacity.Amperes63ThreePhase70SinglePhase));
        Assert.Equal(70, ProximityDecoder.MaxCurrentAmperes(CableAmpacity.Amperes63ThreePhase70SinglePhase, singlePhase: true));
        Assert.Null(ProximityDecoder.MaxCurrentAmperes(CableAmpacity.NoCable));
    }
}
