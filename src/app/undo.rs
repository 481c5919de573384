//! Undo and redo of document edits, in memory, capped.

use crate::domain::edit::Edit;

/// An applied edit and the edit that reverses it.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub redo: Edit,
    pub undo: Edit,
}

#[derive(Debug, Clone, Default)]
pub struct UndoStack {
    done: Vec<Step>,
    undone: Vec<Step>,
}

impl UndoStack {
    pub const CAP: usize = 200;

    /// A new edit was applied: it can be undone; what was undone can no longer be redone.
    pub fn push(&mut self, step: Step) {
        self.done.push(step);
        if self.done.len() > Self::CAP {
            self.done.remove(0);
        }
        self.undone.clear();
    }

    pub fn next_undo(&self) -> Option<&Step> {
        self.done.last()
    }

    pub fn next_redo(&self) -> Option<&Step> {
        self.undone.last()
    }

    /// The step to undo was applied backwards; `redo` is the edit that re-applies it.
    pub fn undone(&mut self, redo: Edit) {
        if let Some(step) = self.done.pop() {
            self.undone.push(Step {
                redo,
                undo: step.undo,
            });
        }
    }

    /// The step to redo was applied again; `undo` reverses it.
    pub fn redone(&mut self, undo: Edit) {
        if let Some(step) = self.undone.pop() {
            self.done.push(Step {
                redo: step.redo,
                undo,
            });
        }
    }

    pub fn clear(&mut self) {
        self.done.clear();
        self.undone.clear();
    }

    pub fn len(&self) -> usize {
        self.done.len()
    }

    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn rename(name: &str) -> Edit {
        Edit::RenameUnit {
            unit_id: Uuid::nil(),
            name: name.into(),
        }
    }

    #[test]
    fn undo_redo_and_cap() {
        let mut stack = UndoStack::default();
        stack.push(Step {
            redo: rename("B"),
            undo: rename("A"),
        });
        assert_eq!(stack.next_undo().map(|s| &s.undo), Some(&rename("A")));
        stack.undone(rename("B"));
        assert!(stack.next_undo().is_none());
        assert_eq!(stack.next_redo().map(|s| &s.redo), Some(&rename("B")));
        stack.redone(rename("A"));
        assert_eq!(stack.len(), 1);
        assert!(stack.next_redo().is_none());
        for i in 0..(UndoStack::CAP + 10) {
            stack.push(Step {
                redo: rename(&i.to_string()),
                undo: rename("x"),
            });
        }
        assert_eq!(stack.len(), UndoStack::CAP);
    }
}
