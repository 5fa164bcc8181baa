package dev.steward.contracts;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Builds records through a method handle spread once over an {@code Object[]}. Jackson 3.1 calls a record's
 * canonical constructor with {@code MethodHandle.invokeWithArguments} for every value it reads, which adapts the handle
 * on each call and was most of the CPU time of reading contract messages (the self-service read model's profile,
 * bench/README.md). Everything else (which constructor, the arguments, defaults, and how a constructor's exception is
 * reported) stays Jackson's.
 */
final class SpreadingRecordInstantiators implements ValueInstantiators {

    @Override
    public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDesc) {
        return null;
    }

    @Override
    public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                                                     ValueInstantiator defaultInstantiator) {
        if (defaultInstantiator.getClass() != StdValueInstantiator.class
                || !defaultInstantiator.getValueClass().isRecord()
                || !(defaultInstantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator)) {
            return defaultInstantiator;
        }
        Constructor<?> constructor = creator.getAnnotated();
        try {
            MethodHandle spread = MethodHandles.publicLookup().unreflectConstructor(constructor)
                    .asSpreader(Object[].class, constructor.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new Spreading((StdValueInstantiator) defaultInstantiator, spread);
        } catch (IllegalAccessException | IllegalArgumentException | SecurityException notPublic) {
            return defaultInstantiator;
        }
    }

    private static final class Spreading extends StdValueInstantiator {

        private final transient MethodHandle spread;

        Spreading(StdValueInstantiator source, MethodHandle spread) {
            super(source);
            this.spread = spread;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) throws JacksonException {
            try {
                return (Object) spread.invokeExact(args);
            } catch (Throwable e) {
                if (e instanceof Error error) {
                    throw error;
                }
                return ctxt.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(ctxt, e));
            }
        }
    }
}
