package org.rnnexplorer.io.pytorch;

import net.razorvine.pickle.IObjectConstructor;

/**
 * A name a pickle refers to ({@code module.name}: a class or a function). Calling it runs nothing: an allow-listed
 * rebuilder ({@link Rebuilders}) makes the data it stands for; any other name gives an inert {@link PythonObject}.
 */
record PythonGlobal(String module, String name) implements IObjectConstructor {

    String qualifiedName() {
        return module + "." + name;
    }

    @Override
    public Object construct(Object[] args) {
        return Rebuilders.call(this, args);
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
