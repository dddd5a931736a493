package org.rnnexplorer.io.pytorch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object of a class the reader does not rebuild (the author's model class, a config object, an optimizer...):
 * only what the pickle says about it is kept, its class name, the arguments it was made with, its state (for most
 * classes the instance's {@code __dict__}) and any items added to it as to a list or a dict. Nothing of it runs.
 */
final class PythonObject {
    final PythonGlobal type;
    final List<Object> args;
    Object state;
    final List<Object> listItems = new ArrayList<>();
    final Map<Object, Object> mapItems = new LinkedHashMap<>();

    PythonObject(PythonGlobal type, Object[] args) {
        this.type = type;
        this.args = args == null ? List.of() : java.util.Arrays.asList(args);
    }

    String className() {
        return type.qualifiedName();
    }

    /** The instance's attributes when its state is a dict (as for every nn.Module), else an empty map. */
    Map<?, ?> attributes() {
        if (state instanceof Map<?, ?> m) return m;
        // state given as (dict, slots) by objects with __slots__
        if (state instanceof Object[] pair && pair.length == 2 && pair[0] instanceof Map<?, ?> m) return m;
        return Map.of();
    }

    /** Whether this is a torch module as pickled by {@code torch.save(model)}: its state holds {@code _modules}. */
    boolean isModule() {
        Map<?, ?> a = attributes();
        return a.containsKey("_modules") && a.containsKey("_parameters");
    }

    @Override
    public String toString() {
        return "<" + className() + ">";
    }
}
