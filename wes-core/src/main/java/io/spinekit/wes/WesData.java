package io.spinekit.wes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.spinekit.core.Text;
import io.spinekit.wes.internal.CellValue;
import io.spinekit.wes.internal.Footnote;
import io.spinekit.wes.internal.FootnoteCondition;
import io.spinekit.wes.internal.JreLimit;
import io.spinekit.wes.internal.OsRequirement;
import io.spinekit.wes.internal.PlatformRequirement;
import io.spinekit.wes.internal.WesCell;
import io.spinekit.wes.internal.WesColumn;
import io.spinekit.wes.internal.WesRow;
import io.spinekit.wes.internal.WesTable;
import io.spinekit.wes.internal.Windows10Limit;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks a WES data file. Every check failure names the file and the place. */
final class WesData {
    static final String FORMAT = "spinekit-wes/1";
    private static final Pattern MARKED = Pattern.compile("^(.*?)\\s*(\\*+)$", Pattern.DOTALL);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    record Doc(String format, EditionDto edition, TableDto systems, TableDto authenticators, EosDto endOfSupport) {
    }

    record EditionDto(String date, String lastEdited, String title, String publisher, String provenance,
            List<String> statements) {
    }

    record TableDto(String title, List<ColumnDto> columns, List<RowDto> rows, List<FootnoteDto> footnotes) {
    }

    record ColumnDto(String column, String header, List<OsDto> os) {
    }

    record OsDto(String product, String release) {
    }

    record RowDto(String key, String header, PlatformDto platform, List<String> cells) {
    }

    record PlatformDto(List<String> os, Integer minimumMajorVersion) {
    }

    record FootnoteDto(String marker, String text, List<CondDto> conditions) {
    }

    record CondDto(String kind, String scope, List<String> columns, List<String> rows, JreDto jre, Win10Dto windows10) {
    }

    record JreDto(Integer feature, Integer maxUpdate, String bitness) {
    }

    record Win10Dto(String maxRelease, String bitness) {
    }

    record EosDto(String provenance, List<EosProductDto> products) {
    }

    record EosProductDto(String product, String date, String event) {
    }

    /** The checked content of a data file. */
    record Loaded(WesEdition edition, WesTable systems, WesTable authenticators, List<EndOfSupport> endOfSupport,
            String endOfSupportProvenance) {
    }

    /** The longest title (of the edition or a table) accepted: titles are echoed in every assessment. */
    static final int MAX_TITLE_LENGTH = 200;
    /** The longest other text accepted (a footnote, a statement, a header): ten times the longest in the bundled data. */
    static final int MAX_TEXT_LENGTH = 4000;
    private final String source;

    private WesData(String source) {
        this.source = source;
    }

    static Loaded load(InputStream in, String source) {
        Doc doc;
        try (InputStream s = in) {
            doc = MAPPER.readValue(s, Doc.class);
        } catch (JsonProcessingException e) {
            throw new WesDataException("WES data " + Text.quote(source, 200) + " is not valid JSON for format " + FORMAT + ": "
                    + Text.escape(e.getOriginalMessage()) + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
        } catch (IOException e) {
            throw new WesDataException("WES data " + Text.quote(source, 200) + " cannot be read: " + Text.escape(String.valueOf(e.getMessage())), e);
        }
        return new WesData(source).check(doc);
    }

    private WesDataException fail(String where, String what) {
        return new WesDataException("WES data " + Text.quote(source, 200) + ", " + where + ": " + what);
    }

    private List<String> texts(List<String> values, String where) {
        for (int i = 0; i < values.size(); i++) {
            need(values.get(i), where + "[" + i + "]");
        }
        return List.copyOf(values);
    }

    private <T> T need(T value, String where) {
        if (value == null || (value instanceof String s && s.isBlank()) || (value instanceof List<?> l && l.isEmpty())) {
            throw fail(where, "missing or empty");
        }
        if (value instanceof String s) {
            int limit = where.endsWith(".title") ? MAX_TITLE_LENGTH : MAX_TEXT_LENGTH;
            if (s.length() > limit) {
                throw fail(where, "is " + s.length() + " characters long; at most " + limit + " are accepted");
            }
            for (int i = 0; i < s.length(); i++) {
                if (Character.isISOControl(s.charAt(i))) {
                    throw fail(where, "holds a control character (code " + (int) s.charAt(i) + ") in " + Text.quote(s));
                }
            }
        }
        return value;
    }

    private Loaded check(Doc doc) {
        need(doc, "document");
        if (!FORMAT.equals(doc.format())) {
            throw fail("format", "is " + Text.quote(doc.format()) + ", expected " + Text.quote(FORMAT));
        }
        EditionDto e = need(doc.edition(), "edition");
        WesEdition edition = new WesEdition(date(e.date(), "edition.date"), need(e.lastEdited(), "edition.lastEdited"),
                need(e.title(), "edition.title"), need(e.publisher(), "edition.publisher"),
                need(e.provenance(), "edition.provenance"), texts(need(e.statements(), "edition.statements"), "edition.statements"), source);
        WesTable systems = table(WesTableId.SYSTEMS, need(doc.systems(), "systems"), "systems", Application.class,
                Application::label);
        WesTable authenticators = table(WesTableId.AUTHENTICATORS, need(doc.authenticators(), "authenticators"),
                "authenticators", Authenticator.class, Authenticator::label);
        EosDto eos = need(doc.endOfSupport(), "endOfSupport");
        List<EndOfSupport> dates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < need(eos.products(), "endOfSupport.products").size(); i++) {
            EosProductDto p = eos.products().get(i);
            String where = "endOfSupport.products[" + i + "]";
            String product = need(p.product(), where + ".product");
            String label = productLabel(product).orElseThrow(() -> fail(where + ".product",
                    "unknown product " + Text.quote(product) + "; expected an OsProduct or BrowserProduct name"));
            if (!seen.add(product)) {
                throw fail(where + ".product", Text.quote(product) + " listed twice");
            }
            dates.add(new EndOfSupport(product, label, date(p.date(), where + ".date"), need(p.event(), where + ".event")));
        }
        return new Loaded(edition, systems, authenticators, List.copyOf(dates), need(eos.provenance(), "endOfSupport.provenance"));
    }

    private static Optional<String> productLabel(String name) {
        for (OsProduct p : OsProduct.values()) {
            if (p.name().equals(name)) {
                return Optional.of(p.label());
            }
        }
        for (BrowserProduct p : BrowserProduct.values()) {
            if (p.name().equals(name)) {
                return Optional.of(p.label());
            }
        }
        return Optional.empty();
    }

    private LocalDate date(String text, String where) {
        try {
            return LocalDate.parse(need(text, where));
        } catch (DateTimeParseException ex) {
            throw fail(where, Text.quote(text) + " is not an ISO date (yyyy-MM-dd)");
        }
    }

    private <E extends Enum<E>> E constant(Class<E> type, String name, String where) {
        need(name, where);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException ex) {
            List<String> known = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                known.add(c.name());
            }
            throw fail(where, "unknown " + type.getSimpleName() + " " + Text.quote(name) + "; known: " + String.join(", ", known));
        }
    }

    /** Splits "Yes*" into "Yes" and "*"; a text without markers has none. */
    private static String[] split(String text) {
        Matcher m = MARKED.matcher(text.trim());
        return m.matches() ? new String[] {m.group(1).trim(), m.group(2)} : new String[] {text.trim(), null};
    }

    private static List<String> markers(String[] split) {
        return split[1] == null ? List.of() : List.of(split[1]);
    }

    private <E extends Enum<E>> WesTable table(WesTableId id, TableDto dto, String path, Class<E> rowType,
            Function<E, String> rowLabel) {
        String title = need(dto.title(), path + ".title");
        List<WesColumn> columns = new ArrayList<>();
        Map<WesColumn, String> headers = new EnumMap<>(WesColumn.class);
        Map<WesColumn, List<String>> columnMarkers = new EnumMap<>(WesColumn.class);
        Map<WesColumn, List<OsRequirement>> columnOs = new EnumMap<>(WesColumn.class);
        Set<OsProduct> osSeen = EnumSet.noneOf(OsProduct.class);
        for (int i = 0; i < need(dto.columns(), path + ".columns").size(); i++) {
            ColumnDto c = dto.columns().get(i);
            String where = path + ".columns[" + i + "]";
            WesColumn column = constant(WesColumn.class, c.column(), where + ".column");
            if (headers.containsKey(column)) {
                throw fail(where, "column " + column + " appears twice");
            }
            columns.add(column);
            headers.put(column, need(c.header(), where + ".header"));
            columnMarkers.put(column, markers(split(c.header())));
            if (column.kind() == WesColumn.Kind.OPERATING_SYSTEM) {
                List<OsRequirement> os = new ArrayList<>();
                for (int j = 0; j < need(c.os(), where + ".os").size(); j++) {
                    OsDto o = c.os().get(j);
                    OsProduct product = constant(OsProduct.class, o.product(), where + ".os[" + j + "].product");
                    if (!osSeen.add(product)) {
                        throw fail(where + ".os[" + j + "]", product + " is covered by two columns");
                    }
                    Optional<String> release = Optional.ofNullable(o.release());
                    try {
                        release = new OperatingSystem(product, release, Optional.empty(), Optional.empty()).release();
                    } catch (WesException ex) {
                        throw fail(where + ".os[" + j + "].release", ex.getMessage());
                    }
                    os.add(new OsRequirement(product, release));
                }
                columnOs.put(column, List.copyOf(os));
            } else if (c.os() != null) {
                throw fail(where + ".os", "only operating system columns list operating systems");
            }
        }

        Map<String, FootnoteDto> footnoteDtos = new LinkedHashMap<>();
        for (int i = 0; i < need(dto.footnotes(), path + ".footnotes").size(); i++) {
            FootnoteDto f = dto.footnotes().get(i);
            String marker = need(f.marker(), path + ".footnotes[" + i + "].marker");
            if (!marker.matches("\\*+")) {
                throw fail(path + ".footnotes[" + i + "].marker", Text.quote(marker) + " is not a run of asterisks");
            }
            if (footnoteDtos.put(marker, f) != null) {
                throw fail(path + ".footnotes[" + i + "].marker", Text.quote(marker) + " is defined twice");
            }
            need(f.text(), path + ".footnotes[" + i + "].text");
            need(f.conditions(), path + ".footnotes[" + i + "].conditions");
        }

        // Footnote conditions, typed.
        Set<String> rowKeys = new HashSet<>();
        for (RowDto r : need(dto.rows(), path + ".rows")) {
            rowKeys.add(r.key());
        }
        List<Footnote> footnotes = new ArrayList<>();
        for (Map.Entry<String, FootnoteDto> entry : footnoteDtos.entrySet()) {
            String where = path + ".footnotes[" + Text.quote(entry.getKey()) + "]";
            List<FootnoteCondition> conditions = new ArrayList<>();
            for (int j = 0; j < entry.getValue().conditions().size(); j++) {
                conditions.add(condition(entry.getKey(), entry.getValue().conditions().get(j), where + ".conditions[" + j + "]",
                        columns, rowKeys));
            }
            footnotes.add(new Footnote(entry.getKey(), entry.getValue().text(), List.copyOf(conditions)));
        }

        List<WesRow> rows = new ArrayList<>();
        Set<E> rowsSeen = new HashSet<>();
        Set<FootnoteCondition> used = new HashSet<>();
        columnMarkers.forEach((column, m) -> defined(m, footnoteDtos, path + ".columns[" + columns.indexOf(column) + "].header"));
        for (int i = 0; i < dto.rows().size(); i++) {
            RowDto r = dto.rows().get(i);
            String where = path + ".rows[" + i + "]";
            E key = constant(rowType, r.key(), where + ".key");
            if (!rowsSeen.add(key)) {
                throw fail(where + ".key", key.name() + " appears twice");
            }
            String[] header = split(need(r.header(), where + ".header"));
            if (!Names.key(header[0]).equals(Names.key(rowLabel.apply(key)))) {
                throw fail(where + ".header", Text.quote(r.header()) + " does not name " + key + " (" + Text.quote(rowLabel.apply(key)) + ")");
            }
            List<String> rowMarkers = markers(header);
            defined(rowMarkers, footnoteDtos, where + ".header");
            Optional<PlatformRequirement> platform = Optional.empty();
            if (r.platform() != null) {
                Set<OsProduct> os = EnumSet.noneOf(OsProduct.class);
                for (int j = 0; j < need(r.platform().os(), where + ".platform.os").size(); j++) {
                    os.add(constant(OsProduct.class, r.platform().os().get(j), where + ".platform.os[" + j + "]"));
                }
                Integer min = r.platform().minimumMajorVersion();
                if (min != null && min < 0) {
                    throw fail(where + ".platform.minimumMajorVersion", min + " is negative");
                }
                platform = Optional.of(new PlatformRequirement(Set.copyOf(os), Optional.ofNullable(min)));
            }
            List<String> cellTexts = need(r.cells(), where + ".cells");
            if (cellTexts.size() != columns.size()) {
                throw fail(where + ".cells", cellTexts.size() + " cells for " + columns.size() + " columns");
            }
            List<FootnoteCondition> rowConditions = new ArrayList<>();
            for (Footnote f : footnotes) {
                for (FootnoteCondition fc : f.conditions()) {
                    if (fc.rowScope() && rowMarkers.contains(fc.marker()) && (fc.rows().isEmpty() || fc.rows().contains(key.name()))) {
                        rowConditions.add(fc);
                        used.add(fc);
                    }
                }
            }
            List<WesCell> cells = new ArrayList<>();
            for (int j = 0; j < columns.size(); j++) {
                WesColumn column = columns.get(j);
                String text = need(cellTexts.get(j), where + ".cells[" + j + "]");
                String[] parts = split(text);
                CellValue value;
                try {
                    value = CellValue.ofText(parts[0]);
                } catch (WesException ex) {
                    throw fail(where + ".cells[" + j + "] (" + column + ")", ex.getMessage());
                }
                if (value == CellValue.BIT_32_ONLY && column != WesColumn.IE11) {
                    throw fail(where + ".cells[" + j + "]", "'32-bit' is only meaningful in the IE11 column, not " + column);
                }
                if (value == CellValue.JRE_8 && column.kind() != WesColumn.Kind.JAVA) {
                    throw fail(where + ".cells[" + j + "]", "'8' is only meaningful in the JRE column, not " + column);
                }
                List<String> cellMarkers = markers(parts);
                defined(cellMarkers, footnoteDtos, where + ".cells[" + j + "]");
                List<FootnoteCondition> governing = new ArrayList<>();
                for (Footnote f : footnotes) {
                    for (FootnoteCondition fc : f.conditions()) {
                        boolean marked = rowMarkers.contains(fc.marker()) || columnMarkers.get(column).contains(fc.marker())
                                || cellMarkers.contains(fc.marker());
                        if (!fc.rowScope() && marked && fc.columns().contains(column)
                                && (fc.rows().isEmpty() || fc.rows().contains(key.name())) && value.permits()) {
                            governing.add(fc);
                            used.add(fc);
                        }
                    }
                }
                for (String m : cellMarkers) {
                    if (governing.stream().noneMatch(fc -> fc.marker().equals(m))) {
                        throw fail(where + ".cells[" + j + "]", "cell " + Text.quote(text) + " carries footnote " + m
                                + " but no condition of that footnote governs column " + column);
                    }
                }
                cells.add(new WesCell(column, text, value, cellMarkers, List.copyOf(governing)));
            }
            rows.add(new WesRow(key.name(), r.header(), header[0], rowMarkers, platform, List.copyOf(rowConditions),
                    List.copyOf(cells)));
        }
        for (E constant : rowType.getEnumConstants()) {
            if (!rowsSeen.contains(constant)) {
                throw fail(path + ".rows", "no row for " + constant.name() + " (" + Text.quote(rowLabel.apply(constant)) + ")");
            }
        }
        for (Footnote f : footnotes) {
            for (FootnoteCondition fc : f.conditions()) {
                if (!used.contains(fc)) {
                    throw fail(path + ".footnotes[" + Text.quote(f.marker()) + "]", "condition " + fc.kind()
                            + " governs no cell: the marker stands on none of its rows, columns or cells");
                }
            }
        }
        return new WesTable(id, title, List.copyOf(columns), java.util.Collections.unmodifiableMap(headers),
                java.util.Collections.unmodifiableMap(columnOs), List.copyOf(rows), List.copyOf(footnotes));
    }

    private void defined(List<String> markers, Map<String, FootnoteDto> footnotes, String where) {
        for (String m : markers) {
            if (!footnotes.containsKey(m)) {
                throw fail(where, "footnote marker " + Text.quote(m) + " is used but not defined (defined: "
                        + String.join(", ", footnotes.keySet()) + ")");
            }
        }
    }

    private FootnoteCondition condition(String marker, CondDto c, String where, List<WesColumn> columns, Set<String> rowKeys) {
        ConditionKind kind = constant(ConditionKind.class, c.kind(), where + ".kind");
        boolean rowScope;
        if (c.scope() == null) {
            rowScope = false;
        } else if (c.scope().equals("ROW")) {
            rowScope = true;
        } else {
            throw fail(where + ".scope", Text.quote(c.scope()) + " is not ROW (leave it out for cell conditions)");
        }
        List<WesColumn> cols = new ArrayList<>();
        if (rowScope) {
            if (c.columns() != null) {
                throw fail(where + ".columns", "a ROW condition governs the whole row; it lists no columns");
            }
        } else {
            for (int i = 0; i < need(c.columns(), where + ".columns").size(); i++) {
                WesColumn col = constant(WesColumn.class, c.columns().get(i), where + ".columns[" + i + "]");
                if (!columns.contains(col)) {
                    throw fail(where + ".columns[" + i + "]", col + " is not a column of this table");
                }
                cols.add(col);
            }
        }
        List<String> rows = c.rows() == null ? List.of() : List.copyOf(c.rows());
        for (String r : rows) {
            if (!rowKeys.contains(r)) {
                throw fail(where + ".rows", Text.quote(r) + " is not a row of this table");
            }
        }
        Optional<JreLimit> jre = Optional.empty();
        if (kind == ConditionKind.JRE_VERSION_LIMIT) {
            JreDto j = need(c.jre(), where + ".jre");
            jre = Optional.of(new JreLimit(need(j.feature(), where + ".jre.feature"), need(j.maxUpdate(), where + ".jre.maxUpdate"),
                    constant(Bitness.class, j.bitness(), where + ".jre.bitness")));
        } else if (c.jre() != null) {
            throw fail(where + ".jre", "only " + ConditionKind.JRE_VERSION_LIMIT + " takes a JRE limit");
        }
        Optional<Windows10Limit> windows10 = Optional.empty();
        if (kind == ConditionKind.WINDOWS_10_RELEASE_LIMIT) {
            Win10Dto w = need(c.windows10(), where + ".windows10");
            Windows10Release max;
            try {
                max = Windows10Release.parse(need(w.maxRelease(), where + ".windows10.maxRelease"));
            } catch (WesException ex) {
                throw fail(where + ".windows10.maxRelease", ex.getMessage());
            }
            windows10 = Optional.of(new Windows10Limit(max, constant(Bitness.class, w.bitness(), where + ".windows10.bitness")));
        } else if (c.windows10() != null) {
            throw fail(where + ".windows10", "only " + ConditionKind.WINDOWS_10_RELEASE_LIMIT + " takes a Windows 10 limit");
        }
        return new FootnoteCondition(marker, kind, rowScope, List.copyOf(cols), rows, jre, windows10);
    }
}
