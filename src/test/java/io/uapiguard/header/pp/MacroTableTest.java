package io.uapiguard.header.pp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MacroTableTest {

    private static Macro macro(int id, String name) {
        return new Macro(id, name, false, List.of(), List.of(), false, List.of(), 1, 0, null);
    }

    @Test
    void everyDefinedNameIsFoundThoughTheFilterIsFullerThanAHeaderMakesIt() {
        MacroTable table = new MacroTable();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            names.add("BPF_F_FLAG_" + i);
            table.define(macro(i, names.get(i)));
        }
        for (String name : names) {
            assertThat(table.get(name)).as(name).isNotNull().extracting(Macro::name).isEqualTo(name);
            assertThat(table.containsKey(name)).isTrue();
        }
    }

    @Test
    void wordsThatAreNoMacroAreNotFoundWhetherOrNotTheFilterLetsThemThrough() {
        MacroTable table = new MacroTable();
        for (int i = 0; i < 400; i++) {
            table.define(macro(i, "__DEFINED_" + i));
        }
        for (int i = 0; i < 20_000; i++) {
            assertThat(table.get("word_" + i)).isNull();
        }
    }

    @Test
    void undefineForgetsTheMacroAndRedefiningMovesItToTheEnd() {
        MacroTable table = new MacroTable();
        table.define(macro(0, "A"));
        table.define(macro(1, "B"));
        table.define(macro(2, "A"));
        assertThat(table.values()).extracting(Macro::id).containsExactly(1, 2);

        table.undefine("B");
        assertThat(table.get("B")).isNull();
        assertThat(table.containsKey("B")).isFalse();
        assertThat(table.values()).extracting(Macro::name).containsExactly("A");

        table.define(macro(3, "B"));
        assertThat(table.get("B").id()).isEqualTo(3);
    }
}
