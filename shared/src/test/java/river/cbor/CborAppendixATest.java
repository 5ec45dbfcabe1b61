package river.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8949 Appendix A examples: decode → diagnostic notation, and re-encode. */
class CborAppendixATest {

  static Stream<Arguments> definite() {
    return Stream.of(
        Arguments.of("00", "0"),
        Arguments.of("01", "1"),
        Arguments.of("0a", "10"),
        Arguments.of("17", "23"),
        Arguments.of("1818", "24"),
        Arguments.of("1819", "25"),
        Arguments.of("1864", "100"),
        Arguments.of("1903e8", "1000"),
        Arguments.of("1a000f4240", "1000000"),
        Arguments.of("1b000000e8d4a51000", "1000000000000"),
        Arguments.of("1bffffffffffffffff", "18446744073709551615"),
        Arguments.of("c249010000000000000000", "2(h'010000000000000000')"),
        Arguments.of("3bffffffffffffffff", "-18446744073709551616"),
        Arguments.of("3bfffffffffffffffe", "-18446744073709551615"),
        Arguments.of("3b7fffffffffffffff", "-9223372036854775808"),
        Arguments.of("20", "-1"),
        Arguments.of("29", "-10"),
        Arguments.of("3863", "-100"),
        Arguments.of("3903e7", "-1000"),
        Arguments.of("f90000", "0.0"),
        Arguments.of("f98000", "-0.0"),
        Arguments.of("f93c00", "1.0"),
        Arguments.of("fb3ff199999999999a", "1.1"),
        Arguments.of("f93e00", "1.5"),
        Arguments.of("f97bff", "65504.0"),
        Arguments.of("fa47c35000", "100000.0"),
        Arguments.of("fa7f7fffff", "3.4028234663852886e+38"),
        Arguments.of("fb7e37e43c8800759c", "1.0e+300"),
        Arguments.of("f90001", "5.960464477539063e-8"),
        Arguments.of("f90400", "0.00006103515625"),
        Arguments.of("f9c400", "-4.0"),
        Arguments.of("fbc010666666666666", "-4.1"),
        Arguments.of("f97c00", "Infinity"),
        Arguments.of("f97e00", "NaN"),
        Arguments.of("f9fc00", "-Infinity"),
        Arguments.of("fa7f800000", "Infinity"),
        Arguments.of("fa7fc00000", "NaN"),
        Arguments.of("faff800000", "-Infinity"),
        Arguments.of("fb7ff0000000000000", "Infinity"),
        Arguments.of("fb7ff8000000000000", "NaN"),
        Arguments.of("fbfff0000000000000", "-Infinity"),
        Arguments.of("f4", "false"),
        Arguments.of("f5", "true"),
        Arguments.of("f6", "null"),
        Arguments.of("f7", "undefined"),
        Arguments.of("f0", "simple(16)"),
        Arguments.of("f8ff", "simple(255)"),
        Arguments.of("c074323031332d30332d32315432303a30343a30305a", "0(\"2013-03-21T20:04:00Z\")"),
        Arguments.of("c11a514b67b0", "1(1363896240)"),
        Arguments.of("c1fb41d452d9ec200000", "1(1363896240.5)"),
        Arguments.of("d74401020304", "23(h'01020304')"),
        Arguments.of("d818456449455446", "24(h'6449455446')"),
        Arguments.of(
            "d82076687474703a2f2f7777772e6578616d706c652e636f6d", "32(\"http://www.example.com\")"),
        Arguments.of("40", "h''"),
        Arguments.of("4401020304", "h'01020304'"),
        Arguments.of("60", "\"\""),
        Arguments.of("6161", "\"a\""),
        Arguments.of("6449455446", "\"IETF\""),
        Arguments.of("62225c", "\"\\\"\\\\\""),
        Arguments.of("62c3bc", "\"\u00fc\""),
        Arguments.of("63e6b0b4", "\"\u6c34\""),
        Arguments.of("64f0908591", "\"\ud800\udd51\""),
        Arguments.of("80", "[]"),
        Arguments.of("83010203", "[1, 2, 3]"),
        Arguments.of("8301820203820405", "[1, [2, 3], [4, 5]]"),
        Arguments.of(
            "98190102030405060708090a0b0c0d0e0f101112131415161718181819",
            "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]"),
        Arguments.of("a0", "{}"),
        Arguments.of("a201020304", "{1: 2, 3: 4}"),
        Arguments.of("a26161016162820203", "{\"a\": 1, \"b\": [2, 3]}"),
        Arguments.of("826161a161626163", "[\"a\", {\"b\": \"c\"}]"),
        Arguments.of(
            "a56161614161626142616361436164614461656145",
            "{\"a\": \"A\", \"b\": \"B\", \"c\": \"C\", \"d\": \"D\", \"e\": \"E\"}"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("definite")
  void decodesToDiagnosticAndReencodesIdentically(String hex, String diag) {
    CborItem item = Cbor.decode(TestHex.bytes(hex));
    assertEquals(diag, CborDiag.format(item));
    assertEquals(hex, TestHex.hex(Cbor.encode(item)));
  }

  static Stream<Arguments> indefinite() {
    return Stream.of(
        Arguments.of("5f42010243030405ff", "(_ h'0102', h'030405')", "450102030405"),
        Arguments.of(
            "7f657374726561646d696e67ff", "(_ \"strea\", \"ming\")", "6973747265616d696e67"),
        Arguments.of("5fff", "''_", "40"),
        Arguments.of("7fff", "\"\"_", "60"),
        Arguments.of("9fff", "[_ ]", "80"),
        Arguments.of("9f018202039f0405ffff", "[_ 1, [2, 3], [_ 4, 5]]", "8301820203820405"),
        Arguments.of("9f01820203820405ff", "[_ 1, [2, 3], [4, 5]]", "8301820203820405"),
        Arguments.of("83018202039f0405ff", "[1, [2, 3], [_ 4, 5]]", "8301820203820405"),
        Arguments.of("83019f0203ff820405", "[1, [_ 2, 3], [4, 5]]", "8301820203820405"),
        Arguments.of(
            "bf61610161629f0203ffff", "{_ \"a\": 1, \"b\": [_ 2, 3]}", "a26161016162820203"),
        Arguments.of("826161bf61626163ff", "[\"a\", {_ \"b\": \"c\"}]", "826161a161626163"),
        Arguments.of(
            "bf6346756ef563416d7421ff",
            "{_ \"Fun\": true, \"Amt\": -2}",
            "a26346756ef563416d7421"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("indefinite")
  void indefiniteItemsShowInDiagnosticAndReencodeDefinite(String hex, String diag, String def) {
    CborItem item = Cbor.decode(TestHex.bytes(hex));
    assertEquals(diag, CborDiag.format(item));
    assertEquals(def, TestHex.hex(Cbor.encode(item)));
    assertEquals(Cbor.decode(TestHex.bytes(def)), item, "indefinite equals its definite form");
  }
}
