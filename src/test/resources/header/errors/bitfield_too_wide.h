struct s { int bits : 65; };
