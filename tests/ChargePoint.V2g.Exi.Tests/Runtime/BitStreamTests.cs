namespace ChargePoint.V2g.Exi.Tests.Runtime;

/// <summary>EXI 1.0 §7.1 primitive encodings: the bit writer and reader agree with hand-computed bytes.</summary>
public sealed class BitStreamTests
{
    private static string Write(Action<ExiBitWriterProbe> action)
    {
        var probe = new ExiBitWriterProbe();
        action(probe);
        return probe.Hex;
    }

    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(127UL, "7f")]
    [InlineData(128UL, "8001")]
    [InlineData(300UL, "ac02")]
    [InlineData(ulong.MaxValue, "ffffffffffffffffff01")]
    public void UnsignedIntegersUseSevenBitGroupsLeastSignificantFirst(ulong value, string hex)
    {
        Assert.Equal(hex, Write(p => p.Unsigned(value)));
        var reader = new ExiBitReader(Convert.FromHexString(hex));
        Assert.Equal(value, reader.ReadUnsigned());
    }

    [Theory]
    [InlineData(-32768L)]
    [InlineData(-1L)]
    [InlineData(0L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void IntegersRoundTrip(long value)
    {
        var buffer = new byte[16];
        var writer = new ExiBitWriter(buffer);
        writer.WriteInteger(value);
        var length = writer.Finish();
        var reader = new ExiBitReader(buffer.AsSpan(0, length));
        Assert.Equal(value, reader.ReadInteger(long.MinValue, long.MaxValue));
    }

    [Fact]
    public void NegativeMagnitudeIsMinusNMinusOne()
    {
        // -32768 -> sign 1, magnitude 32767 = 0xff 0xff 0x01 in 7-bit groups, shifted by the sign bit.
        Assert.Equal("ffff8080", Write(p => p.Integer(-32768)));
    }

    [Fact]
    public void BitsArePackedMostSignificantFirstAndPaddedWithZeros()
    {
        Assert.Equal("a0", Write(p => p.Bits(3, 0b101)));
        Assert.Equal("ffffffffe0", Write(p =>
        {
            p.Bits(32, uint.MaxValue);
            p.Bits(3, 7);
        }));
    }

    [Fact]
    public void StringLiteralsWriteLengthPlusTwoThenCodePoints()
    {
        Assert.Equal("044142", Write(p => p.String("AB")));
        var reader = new ExiBitReader(Convert.FromHexString("044142"));
        Assert.Equal("AB", reader.ReadString(0, 10));
    }

    [Fact]
    public void NonAsciiStringsRoundTripAsCodePoints()
    {
        var text = "Zähler €😀";
        var buffer = new byte[64];
        var writer = new ExiBitWriter(buffer);
        writer.WriteStringLiteral(text);
        var length = writer.Finish();
        var reader = new ExiBitReader(buffer.AsSpan(0, length));
        Assert.Equal(text, reader.ReadString(0, 100));
    }

    [Fact]
    public void BinaryWritesLengthThenOctets()
    {
        Assert.Equal("030a0b0c", Write(p => p.Binary([0x0a, 0x0b, 0x0c])));
        var reader = new ExiBitReader(Convert.FromHexString("030a0b0c"));
        Assert.Equal(new byte[] { 0x0a, 0x0b, 0x0c }, reader.ReadBinary(8));
    }

    [Fact]
    public void StringTableHitsResolveToEarlierLiterals()
    {
        // literal "AB" (qname 7), then a local hit (0) with 0 bits index, then a global hit (1) with 0 bits.
        var buffer = new byte[16];
        var writer = new ExiBitWriter(buffer);
        writer.WriteStringLiteral("AB");
        writer.WriteUnsigned(0);
        writer.WriteUnsigned(1);
        var length = writer.Finish();
        var reader = new ExiBitReader(buffer.AsSpan(0, length));
        Assert.Equal("AB", reader.ReadString(7, 10));
        Assert.Equal("AB", reader.ReadString(7, 10));
        Assert.Equal("AB", reader.ReadString(8, 10));
    }

    [Fact]
    public void HitsResolvePastTheInlineEntriesOfTheTable()
    {
        // Ten literals alternate between qnames 1 and 2, so entries 8 and 9 live beyond the inline slots.
        // Global hit: selector 1, then ceil(log2(10)) = 4 bits; local hit: selector 0, then ceil(log2(5)) = 3 bits.
        var buffer = new byte[64];
        var writer = new ExiBitWriter(buffer);
        for (var i = 0; i < 10; i++)
        {
            writer.WriteStringLiteral("s" + i);
        }

        writer.WriteUnsigned(1);
        writer.WriteBits(4, 9);
        writer.WriteUnsigned(0);
        writer.WriteBits(3, 4);
        writer.WriteUnsigned(1);
        writer.WriteBits(4, 3);
        var length = writer.Finish();
        var reader = new ExiBitReader(buffer.AsSpan(0, length));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("s" + i, reader.ReadString(1 + (i % 2), 10));
        }

        Assert.Equal("s9", reader.ReadString(1, 10));
        Assert.Equal("s8", reader.ReadString(1, 10));
        Assert.Equal("s3", reader.ReadString(2, 10));
    }

    [Theory]
    [InlineData(0b0_101_0, 3, 5u)]
    [InlineData(0b0_1_0, 1, 1u)]
    [InlineData(0b0_0, 0, 0u)]
    public void AFramedValueIsReadBetweenItsZeroChAndEeCodes(int bits, int valueBits, uint expected)
    {
        var buffer = new byte[4];
        var writer = new ExiBitWriter(buffer);
        writer.WriteBits(valueBits + 2, (uint)bits);
        var reader = new ExiBitReader(buffer.AsSpan(0, writer.Finish()));
        Assert.Equal(expected, reader.ReadFramed(valueBits));
    }

    [Theory]
    [InlineData(0b1_101_0)]
    [InlineData(0b0_101_1)]
    public void AFramedValueWithAnotherChOrEeCodeIsRejected(int bits)
    {
        var buffer = new byte[4];
        var writer = new ExiBitWriter(buffer);
        writer.WriteBits(5, (uint)bits);
        var length = writer.Finish();
        Assert.Throws<ExiException>(() => new ExiBitReader(buffer.AsSpan(0, length)).ReadFramed(3));
    }

    [Fact]
    public void DecodedEnumerationIndicesAndBoundedIntegersStayWithinTheirFacets()
    {
        Assert.Equal(4, ExiBitReader.Enumeration(4, 5));
        Assert.Throws<ExiException>(() => ExiBitReader.Enumeration(5, 5));
        Assert.Equal(127L, ExiBitReader.Bounded(255, -128, 127));
        Assert.Throws<ExiException>(() => ExiBitReader.Bounded(100, 0, 99));
    }

    [Fact]
    public void ALocalHitInAnEmptyPartitionIsMalformed()
    {
        var exception = Assert.Throws<ExiException>(() =>
        {
            var reader = new ExiBitReader([0x00]);
            reader.ReadString(1, 10);
        });
        Assert.Contains("empty", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedInputThrowsTheCodecException()
    {
        Assert.Throws<ExiException>(() => new ExiBitReader([0x80]).ReadUnsigned());
        Assert.Throws<ExiException>(() => new ExiBitReader([0x05, 0x41]).ReadString(0, 100));
        Assert.Throws<ExiException>(() => new ExiBitReader([0x7f, 0x01]).ReadBinary(1000));
    }

    [Fact]
    public void LengthsBeyondAFacetAreRejectedBeforeReading()
    {
        Assert.Throws<ExiException>(() => new ExiBitReader([0x05, 0x41, 0x41, 0x41]).ReadString(0, 2));
        Assert.Throws<ExiException>(() => new ExiBitReader([0x03, 1, 2, 3]).ReadBinary(2));
    }

    [Fact]
    public void UnsignedIntegersLongerThanSixtyFourBitsAreMalformed()
    {
        Assert.Throws<ExiException>(() => new ExiBitReader(Convert.FromHexString("ffffffffffffffffff7f")).ReadUnsigned());
        Assert.Throws<ExiException>(() => new ExiBitReader(Convert.FromHexString("ffffffffffffffffffff01")).ReadUnsigned());
    }

    [Fact]
    public void TheHeaderMustBe0x80()
    {
        var ok = new ExiBitReader([0x80]);
        ok.ReadHeader();
        Assert.Throws<ExiException>(() => new ExiBitReader([0x81]).ReadHeader());
        Assert.Throws<ExiException>(() => new ExiBitReader([]).ReadHeader());
    }

    [Fact]
    public void AWriterIntoATooSmallBufferThrowsTheCodecException()
    {
        Assert.Throws<ExiException>(() =>
        {
            var writer = new ExiBitWriter(new byte[2]);
            writer.WriteUnsigned(ulong.MaxValue);
            writer.Finish();
        });
    }

    [Fact]
    public void InputsLargerThanTheMessageCapAreRefused() =>
        Assert.Throws<ExiException>(() => new ExiBitReader(new byte[ExiLimits.MaxMessageBytes + 1]));

    [Fact]
    public void BoundedIntegersAndEnumerationsRejectValuesOutsideTheFacet()
    {
        Assert.Throws<ExiException>(() => new ExiBitReader([0xff]).ReadBoundedInteger(7, 0, 100));
        Assert.Throws<ExiException>(() => new ExiBitReader([0xff]).ReadEnumeration(2, 3));
        Assert.Equal(2, new ExiBitReader([0x80]).ReadEnumeration(2, 3));
    }

    /// <summary>Records writer calls so lambdas can describe them; replays them into a real writer.</summary>
    private sealed class ExiBitWriterProbe
    {
        private readonly List<(char Kind, ulong Number, int Count, string? Text, byte[]? Bytes)> _steps = [];

        public string Hex
        {
            get
            {
                var buffer = new byte[64];
                var writer = new ExiBitWriter(buffer);
                foreach (var (kind, number, count, text, bytes) in _steps)
                {
                    switch (kind)
                    {
                        case 'u': writer.WriteUnsigned(number); break;
                        case 'i': writer.WriteInteger((long)number); break;
                        case 'b': writer.WriteBits(count, (uint)number); break;
                        case 's': writer.WriteStringLiteral(text!); break;
                        default: writer.WriteBinary(bytes); break;
                    }
                }

                return Convert.ToHexStringLower(buffer, 0, writer.Finish());
            }
        }

        public void Unsigned(ulong v) => _steps.Add(('u', v, 0, null, null));

        public void Integer(long v) => _steps.Add(('i', (ulong)v, 0, null, null));

        public void Bits(int n, uint v) => _steps.Add(('b', v, n, null, null));

        public void String(string v) => _steps.Add(('s', 0, 0, v, null));

        public void Binary(byte[] v) => _steps.Add(('x', 0, 0, null, v));
    }
}
