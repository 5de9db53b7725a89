struct s { char name[-1]; };
