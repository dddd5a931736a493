package org.rnnexplorer.data.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnnexplorer.data.Tokenizer;

class TasksTest {

    @Test
    void recallScoresOnlyTheLastStepAndAsksForTheFirstToken() {
        RecallTask task = new RecallTask(6, 8);
        TaskBatch b = task.sample(new Random(1), 50);
        assertEquals(7, b.steps());
        for (int i = 0; i < 50; i++) {
            int symbol = b.tokens()[i][0];
            assertTrue(symbol < RecallTask.SYMBOLS);
            for (int t = 1; t < 7; t++) assertTrue(b.tokens()[i][t] >= RecallTask.SYMBOLS, "fillers after the symbol");
            for (int t = 0; t < 6; t++) assertEquals(-1, b.classTargets()[i][t]);
            assertEquals(symbol, b.classTargets()[i][6]);
        }
        assertEquals(16, task.shape().vocabulary().size());
        assertThrows(IllegalArgumentException.class, () -> new RecallTask(0, 8));
    }

    @Test
    void addingTargetsTheSumOfTheTwoMarkedValuesOneInEachHalf() {
        TaskBatch b = new AddingTask(20).sample(new Random(2), 30);
        for (double[][] seq : b.vectors()) {
            int first = -1, second = -1;
            double sum = 0;
            for (int t = 0; t < 20; t++) {
                if (seq[t][1] == 1) {
                    if (first < 0) first = t;
                    else second = t;
                    sum += seq[t][0];
                }
            }
            assertTrue(first >= 0 && first < 10 && second >= 10, first + " " + second);
            double[][] y = b.valueTargets()[java.util.Arrays.asList(b.vectors()).indexOf(seq)];
            assertEquals(sum, y[19][0], 0.0);
            for (int t = 0; t < 19; t++) assertNull(y[t]);
        }
    }

    @Test
    void countingScoresFromTheXToTheEnd() {
        CountingTask task = new CountingTask(5);
        TaskBatch b = task.sample(new Random(3), 40);
        List<String> v = task.shape().vocabulary();
        for (int i = 0; i < 40; i++) {
            StringBuilder s = new StringBuilder();
            for (int id : b.tokens()[i]) s.append(v.get(id));
            int n = s.indexOf("X");
            assertEquals("a".repeat(n) + "X" + "b".repeat(n), s.substring(0, 2 * n + 1));
            for (int t = 0; t < 12; t++) {
                int y = b.classTargets()[i][t];
                if (t >= n && t <= 2 * n) assertEquals(b.tokens()[i][t + 1], y);
                else assertEquals(-1, y);
            }
        }
    }

    @Test
    void bracketTextIsBalancedAndQuotesArePaired() {
        String text = BracketsTask.text(new Random(4), 5000);
        int depth = 0, quotes = 0, maxDepth = 0;
        for (char c : text.toCharArray()) {
            if (c == '(') maxDepth = Math.max(maxDepth, ++depth);
            if (c == ')') depth--;
            if (c == '"') quotes++;
            assertTrue(depth >= 0);
            if (c == '.') assertEquals(0, depth, "sentences end outside brackets");
        }
        assertEquals(0, depth);
        assertEquals(0, quotes % 2);
        assertTrue(maxDepth >= 2 && maxDepth <= BracketsTask.MAX_DEPTH);
        TaskBatch b = new BracketsTask(30).sample(new Random(5), 3);
        for (int i = 0; i < 3; i++)
            for (int t = 0; t + 1 < 30; t++) assertEquals(b.tokens()[i][t + 1], b.classTargets()[i][t], "next character");
    }

    @Test
    void textWindowsPredictTheNextTokenAndShortTextsAreRefused() {
        TextTask task = new TextTask("abcabcabd", Tokenizer.named("char"), 50, "t.txt");
        assertEquals(8, task.length(), "a window shrinks to fit a short text");
        TaskBatch b = task.sample(new Random(6), 4);
        for (int i = 0; i < 4; i++)
            for (int t = 0; t + 1 < 8; t++) assertEquals(b.tokens()[i][t + 1], b.classTargets()[i][t]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TextTask("z", Tokenizer.named("char"), 10, "one.txt"));
        assertEquals("one.txt: the text has 1 char token; a language model needs at least 2", e.getMessage());
    }

    @Test
    void sineTargetsTheCleanNextValueAfterTheWarmUp() {
        TaskBatch b = new SineTask(40).sample(new Random(7), 5);
        for (double[][] y : b.valueTargets()) {
            for (int t = 0; t < SineTask.WARM_UP; t++) assertNull(y[t]);
            for (int t = SineTask.WARM_UP; t < 40; t++) assertTrue(Math.abs(y[t][0]) <= 1.0);
        }
    }

    @Test
    void theGoalInWordsIsTheTestTheTrainerApplies() {
        RecallTask recall = new RecallTask(40, 8);
        assertEquals("accuracy >= 0.95", recall.goal().toString());
        assertTrue(recall.solved(Double.NaN, 0.95));
        assertTrue(!recall.solved(0.0, 0.949));
        AddingTask adding = new AddingTask(20);
        assertEquals("mean squared error < 0.01", adding.goal().toString());
        assertTrue(adding.solved(0.0099, Double.NaN));
        assertTrue(!adding.solved(0.01, 1.0), "the loss decides a regression task, not accuracy");
    }

    @Test
    void sineModesSayWhichStepsAreReadAndWhichAreScored() {
        TaskBatch one = new SineTask(30, SineTask.Mode.MANY_TO_ONE).sample(new Random(8), 3);
        for (double[][] y : one.valueTargets())
            for (int t = 0; t < 30; t++) assertEquals(t == 29, y[t] != null, "many-to-one scores the last step only");
        TaskBatch gen = new SineTask(30, SineTask.Mode.ONE_TO_MANY).sample(new Random(8), 3);
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 30; t++) {
                if (t >= SineTask.PROMPT) assertEquals(0.0, gen.vectors()[b][t][0], "one-to-many reads only a prompt");
                else assertTrue(gen.vectors()[b][t][0] != 0.0);
                assertEquals(t >= SineTask.PROMPT, gen.valueTargets()[b][t] != null);
            }
        }
        // the same random numbers: the modes differ only in what is read and scored
        TaskBatch many = new SineTask(30).sample(new Random(8), 3);
        assertEquals(many.valueTargets()[1][29][0], one.valueTargets()[1][29][0], 0.0);
        assertEquals(many.vectors()[2][3][0], gen.vectors()[2][3][0], 0.0);
        assertThrows(IllegalArgumentException.class, () -> SineTask.Mode.named("two-to-one"));
        assertThrows(IllegalArgumentException.class, () -> new SineTask(SineTask.PROMPT, SineTask.Mode.ONE_TO_MANY),
                "nothing left to continue after the prompt");
    }
}
